module conclint/benchmarks

go 1.22
