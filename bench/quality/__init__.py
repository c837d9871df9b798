"""Quality benchmarks: extraction F1, date accuracy and throughput on dev sets."""
