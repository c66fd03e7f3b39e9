# AI Risk Workbench. `make run` and `make test` are the two commands a new
# user needs; both install whatever is missing first.
export PATH := $(PATH):/usr/local/go/bin:$(HOME)/go/bin
GO ?= go
BIN := bin/airisk
FUZZTIME ?= 10s
# Every build leaves out Fyne's bundled colour-emoji font: parsed once per
# text style it cost about 20 MiB of memory, and the app's own text uses no
# emoji. Emoji that people type still show, through the system's fonts.
export GOFLAGS += -tags=no_emoji

.PHONY: run test build bench package deps deps-test vet fmt-check fuzz smoke clean

## run: install what is missing, build, and open the app on the bundled sample project
run: deps build
	./$(BIN) --open support-assistant

## build: build bin/airisk
build:
	$(GO) build -o $(BIN) ./cmd/airisk

## test: install what is missing and run every test (vet, gofmt, race tests, fuzzing, GUI smoke test)
test: deps-test vet fmt-check
	.ci/with-display $(GO) test -race -count=1 -timeout 40m ./...
	FUZZTIME=$(FUZZTIME) .ci/fuzz

## bench: run the benchmarks (the startup benchmark runs the app under Xvfb)
bench: deps-test
	.ci/with-display $(GO) test -run '^$$' -bench . -benchmem -timeout 60m ./...

## package: build a Linux desktop package with fyne package (uses FyneApp.toml;
## like every release build of fyne, it counts Build up in FyneApp.toml)
package: deps build
	$(GO) tool fyne package --os linux --exe $(BIN) --name airisk --release
	mkdir -p dist && mv airisk.tar.xz dist/ && echo "dist/airisk.tar.xz: unpack and run 'make user-install' inside to install"

deps:
	.ci/install-deps

deps-test:
	.ci/install-deps --test

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi

fuzz:
	FUZZTIME=$(FUZZTIME) .ci/fuzz

clean:
	rm -rf bin dist
