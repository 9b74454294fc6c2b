//! crossbeam-channel and rayon with the same workloads as the ConcRuntime and Go benchmarks.
//! Output lines: impl<TAB>benchmark<TAB>value<TAB>unit.
use crossbeam_channel::{bounded, Receiver};
use rayon::prelude::*;
use std::time::Instant;

fn report(implementation: &str, benchmark: &str, value: f64, unit: &str) {
    println!("{implementation}\t{benchmark}\t{value:.2}\t{unit}");
}

fn best(reps: usize, mut body: impl FnMut()) -> f64 {
    (0..reps)
        .map(|_| {
            let start = Instant::now();
            body();
            start.elapsed().as_nanos() as f64
        })
        .fold(f64::INFINITY, f64::min)
}

fn channel_bench(producers: usize, consumers: usize, total: usize) -> f64 {
    best(3, || {
        let (tx, rx) = bounded::<usize>(100);
        std::thread::scope(|s| {
            for _ in 0..consumers {
                let rx: Receiver<usize> = rx.clone();
                s.spawn(move || {
                    let sum: usize = rx.iter().fold(0, |a, b| a.wrapping_add(b));
                    std::hint::black_box(sum);
                });
            }
            for p in 0..producers {
                let tx = tx.clone();
                s.spawn(move || {
                    let mut i = p;
                    while i < total {
                        tx.send(i).unwrap();
                        i += producers;
                    }
                });
            }
            drop(tx);
        });
    }) / total as f64
}

fn ping_pong(rounds: usize) -> f64 {
    best(3, || {
        let (ping_tx, ping_rx) = bounded::<usize>(0);
        let (pong_tx, pong_rx) = bounded::<usize>(0);
        std::thread::scope(|s| {
            s.spawn(move || {
                for v in ping_rx.iter() {
                    pong_tx.send(v).unwrap();
                }
            });
            for i in 0..rounds {
                ping_tx.send(i).unwrap();
                pong_rx.recv().unwrap();
            }
            drop(ping_tx);
        });
    }) / rounds as f64
}

fn light_work(x: usize) -> usize {
    x.wrapping_mul(2654435761) ^ (x >> 7)
}

#[inline(never)]
fn heavy_work(seed: usize, iterations: usize) -> usize {
    let mut x = (seed as u64) | 1;
    for _ in 0..iterations {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x = x.wrapping_mul(0x2545F4914F6CDD1D);
    }
    x as usize
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    let iterations: usize = args
        .iter()
        .position(|a| a == "--heavy-iterations")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(30_000);
    let (messages, pings, heavy_items, spawns) =
        if quick { (200_000, 20_000, 2_000, 500) } else { (2_000_000, 200_000, 10_000, 5_000) };

    report("crossbeam", "bounded100_1p1c", channel_bench(1, 1, messages), "ns/msg");
    report("crossbeam", "bounded100_2p2c", channel_bench(2, 2, messages), "ns/msg");
    report("crossbeam", "rendezvous_pingpong", ping_pong(pings), "ns/roundtrip");

    let light: Vec<usize> = (0..10_000_000).collect();
    let seq = best(3, || {
        std::hint::black_box(light.iter().map(|&x| light_work(x)).collect::<Vec<_>>());
    });
    let par = best(3, || {
        std::hint::black_box(light.par_iter().map(|&x| light_work(x)).collect::<Vec<_>>());
    });
    report("rayon", "map_light_speedup", seq / par, "x");

    let heavy: Vec<usize> = (0..heavy_items).collect();
    let hseq = best(1, || {
        std::hint::black_box(heavy.iter().map(|&x| heavy_work(x, iterations)).collect::<Vec<_>>());
    });
    let hpar = best(2, || {
        std::hint::black_box(heavy.par_iter().map(|&x| heavy_work(x, iterations)).collect::<Vec<_>>());
    });
    report("rayon", "map_heavy_speedup", hseq / hpar, "x");

    let cost = best(3, || {
        for _ in 0..spawns {
            std::thread::scope(|s| {
                s.spawn(|| std::hint::black_box(1));
            });
        }
    });
    report("std::thread::scope", "scope_spawn_join", cost / spawns as f64 / 1000.0, "us");
}
