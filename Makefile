# Entry points. The scripts install what the machine lacks, then do the work.
.PHONY: run test build bench setup

run:        ## build, then open Chromium with the extension on a fresh profile with sample data
	scripts/run.sh
test:       ## every test tier
	scripts/test.sh
build:      ## dist/chrome, dist/firefox, dist/www and the store zips
	scripts/setup.sh && scripts/build.sh
bench:      ## the benchmark table, also written to BENCHMARKS.md
	scripts/bench.sh
setup:      ## install the toolchain pieces this machine lacks
	scripts/setup.sh
