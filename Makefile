# Vitrine: `make run` builds and starts the store; `make test` runs every test.
# Nothing here needs root. Browser tests need Debian's chromium; without it
# they are skipped with a loud message (never under CI, where CI=true).

SHELL   := /bin/bash
GO      ?= go
GOROOT  := $(shell $(GO) env GOROOT)
export CGO_ENABLED = 0

DIST    := app/dist
WASM    := $(DIST)/app.wasm
BIN     := bin/vitrine
WASMBUILD := bin/wasm-build
GOFILES := $(shell find . -name '*.go' -not -path './data/*' -not -path './bench/*' -not -path './bin/*' -not -path '*/node_modules/*') go.mod go.sum
WEBFILES := $(shell find assets/web assets/i18n -type f)

.PHONY: all build wasm run test test-unit test-wasm test-models test-browser vet bench bench-chromium bench-go clean

all: build

build: $(BIN)

# The browser program: go-app's PWA compiled to WebAssembly, stripped, then
# precompressed (brotli and gzip) for the server to embed. It is built
# against a copy of g3n without the fonts of g3n's GUI, which the app never
# shows (app/_g3n): 1.5 MB less to download on a first visit.
$(WASM): $(GOFILES) $(WEBFILES) app/_g3n/prepare.sh
	@mkdir -p $(DIST)
	bash app/_g3n/prepare.sh $(WASMBUILD)
	GOOS=js GOARCH=wasm $(GO) build -modfile=$(WASMBUILD)/wasm.mod -trimpath -ldflags="-s -w" -o $(WASM) ./app
	$(GO) run ./server/cmd/precompress $(WASM)

wasm: $(WASM)

# The server: the same program built natively, with the wasm and the static
# files embedded.
$(BIN): $(WASM) $(GOFILES) $(WEBFILES)
	@mkdir -p bin
	$(GO) build -trimpath -o $(BIN) ./app

run: build
	@echo "Staff pages (/staff/help) need an account: ./$(BIN) staff add -email staff@vitrine.example"
	./$(BIN)

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet $$(GOOS=js GOARCH=wasm $(GO) list -deps ./app | grep '^vitrine/')

# Every layer: native unit, store and API tests; the browser-side code under
# Node (wasm); then the browser tests in Chromium.
test: build vet test-unit test-wasm test-models test-browser

# Browser tests live in app/e2e and run in their own step.
test-unit:
	$(GO) test -count=1 $$($(GO) list ./... | grep -v '/app/e2e$$')

# Wasm tests run under Node through Go's own exec wrapper.
test-wasm:
	PATH="$(GOROOT)/lib/wasm:$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 ./server/api/... ./assets/i18n/... ./showroom/catalog/ ./showroom/hall/ ./showroom/scene/

# Every shipped 3D model must pass the Khronos glTF validator (npm package,
# pinned, installed into assets/gltf-validate on first use), and so must the
# showroom hall the server bakes from them (the shell and every stand).
test-models:
	bash assets/gltf-validate/run.sh assets/web/models
	hall=$$(mktemp -d) && trap 'rm -rf "$$hall"' EXIT && \
		$(GO) run ./assets/gen/cmd/bakehall -out "$$hall" && \
		bash assets/gltf-validate/run.sh "$$hall"

test-browser: build
	VITRINE_DIST=$(CURDIR)/$(DIST) $(GO) test -count=1 -timeout 20m -v -run 'TestBrowser' ./app/e2e/

# What shoppers feel, beside the peers they would use instead (issue 8):
# starts bin/vitrine over a fresh database, measures in headless Chromium and
# under load, prints one table and writes bench/results.json. The peers
# (<model-viewer>, three.js; pinned npm packages) are installed into
# bench/node_modules on first use. About 8 minutes on 2 cores.
bench: bench-chromium build
	bash bench/install.sh
	$(GO) run ./bench

bench-chromium:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || [ -n "$$VITRINE_CHROMIUM" ] || \
		{ echo "make bench needs Chromium: install Debian's chromium package (.ci/run does), or set VITRINE_CHROMIUM" >&2; exit 1; }

# The Go benchmarks of every package (the browser ones in app/e2e too).
bench-go: build
	VITRINE_DIST=$(CURDIR)/$(DIST) $(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin $(DIST)/app.wasm $(DIST)/app.wasm.br $(DIST)/app.wasm.gz
