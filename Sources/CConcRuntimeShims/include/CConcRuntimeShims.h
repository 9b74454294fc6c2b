// The few machine instructions ConcRuntime needs that Swift cannot spell.
#ifndef CCONCRUNTIMESHIMS_H
#define CCONCRUNTIMESHIMS_H

/// The CPU's spin-wait hint (x86 PAUSE, ARM YIELD): tells the core it is in a busy-wait loop so it
/// slows the loop down, saves power and frees resources for the sibling hyper-thread, without
/// touching memory. A no-op on other architectures.
static inline __attribute__((always_inline)) void cconcruntime_spin_loop_hint(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__) || defined(__arm__)
    __asm__ __volatile__("yield" ::: "memory");
#else
    __asm__ __volatile__("" ::: "memory");
#endif
}

#endif
