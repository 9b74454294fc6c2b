// Command bench measures Go's channels, goroutines and a chunked worker-pool map with the same
// workloads as Benchmarks/Sources/RuntimeBench (ConcRuntime) and Benchmarks/rust (crossbeam, rayon).
// Output lines: impl<TAB>benchmark<TAB>value<TAB>unit.
package main

import (
	"flag"
	"fmt"
	"runtime"
	"sync"
	"time"
)

var quick = flag.Bool("quick", false, "smaller runs")
var heavyIterations = flag.Int("heavy-iterations", 30000, "iterations of the heavy work item")

func report(benchmark string, value float64, unit string) {
	fmt.Printf("Go\t%s\t%.2f\t%s\n", benchmark, value, unit)
}

func best(reps int, body func()) float64 {
	b := 1e300
	for i := 0; i < reps; i++ {
		start := time.Now()
		body()
		if e := float64(time.Since(start).Nanoseconds()); e < b {
			b = e
		}
	}
	return b
}

func bounded(producers, consumers, total int) float64 {
	return best(3, func() {
		ch := make(chan int, 100)
		var prod, cons sync.WaitGroup
		for c := 0; c < consumers; c++ {
			cons.Add(1)
			go func() {
				defer cons.Done()
				sum := 0
				for v := range ch {
					sum += v
				}
				if sum == -1 {
					fmt.Println(sum)
				}
			}()
		}
		for p := 0; p < producers; p++ {
			prod.Add(1)
			go func(p int) {
				defer prod.Done()
				for i := p; i < total; i += producers {
					ch <- i
				}
			}(p)
		}
		prod.Wait()
		close(ch)
		cons.Wait()
	}) / float64(total)
}

func pingPong(rounds int) float64 {
	return best(3, func() {
		ping, pong := make(chan int), make(chan int)
		go func() {
			for v := range ping {
				pong <- v
			}
		}()
		for i := 0; i < rounds; i++ {
			ping <- i
			<-pong
		}
		close(ping)
	}) / float64(rounds)
}

func lightWork(x int) int { return (x * 2654435761) ^ (x >> 7) }

func heavyWork(seed int, iterations int) int {
	x := uint64(seed) | 1
	for i := 0; i < iterations; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		x *= 0x2545F4914F6CDD1D
	}
	return int(x)
}

// parallelMap: GOMAXPROCS workers pulling chunks from a channel (the idiomatic Go pool).
func parallelMap(in []int, chunk int, f func(int) int) []int {
	out := make([]int, len(in))
	jobs := make(chan int, 64)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for lo := range jobs {
				hi := lo + chunk
				if hi > len(in) {
					hi = len(in)
				}
				for i := lo; i < hi; i++ {
					out[i] = f(in[i])
				}
			}
		}()
	}
	for lo := 0; lo < len(in); lo += chunk {
		jobs <- lo
	}
	close(jobs)
	wg.Wait()
	return out
}

func main() {
	flag.Parse()
	messages, pings, heavyItems, spawns := 2000000, 200000, 10000, 5000
	if *quick {
		messages, pings, heavyItems, spawns = 200000, 20000, 2000, 500
	}
	report("bounded100_1p1c", bounded(1, 1, messages), "ns/msg")
	report("bounded100_2p2c", bounded(2, 2, messages), "ns/msg")
	report("rendezvous_pingpong", pingPong(pings), "ns/roundtrip")

	light := make([]int, 10000000)
	for i := range light {
		light[i] = i
	}
	seq := best(3, func() {
		out := make([]int, len(light))
		for i, v := range light {
			out[i] = lightWork(v)
		}
	})
	par := best(3, func() { parallelMap(light, 100000, lightWork) })
	report("map_light_speedup", seq/par, "x")

	iters := *heavyIterations
	heavy := make([]int, heavyItems)
	for i := range heavy {
		heavy[i] = i
	}
	hw := func(x int) int { return heavyWork(x, iters) }
	hseq := best(1, func() {
		out := make([]int, len(heavy))
		for i, v := range heavy {
			out[i] = hw(v)
		}
	})
	hpar := best(2, func() { parallelMap(heavy, 1, hw) })
	report("map_heavy_speedup", hseq/hpar, "x")

	cost := best(3, func() {
		for i := 0; i < spawns; i++ {
			var wg sync.WaitGroup
			wg.Add(1)
			go func() { wg.Done() }()
			wg.Wait()
		}
	})
	report("scope_spawn_join", cost/float64(spawns)/1000, "us")
}
