package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Section titles of the table.
const (
	secPayload = "payload"
	secCold    = "cold load, fresh profile (ms from navigation start)"
	secRepeat  = "repeat visit, served by the service worker (ms)"
	secWalk    = "showroom walk, 1280×800 canvas, 120 frames"
	secConfig  = "configurator: option click → next frame (ms)"
	secAPI     = "API load"
	secSearch  = "help search, 10 000 generated articles (ms)"
)

// browserRun is what one run of the browser measurements gave.
type browserRun struct {
	wasm             [3]float64 // raw, gzip, brotli bytes as served
	hall, hallRepeat visit
	product, prodRep visit
	peerModel        float64
	peerBytes        float64
	walk, peerWalk   walkResult
	config           []float64
}

// measureBrowser runs the payload, cold-load, peer, walk and configurator
// measurements c.runs times, interleaving ours and the peers' in each run
// so that both see the same machine.
func measureBrowser(ctx context.Context, c config, v *vitrine, res *Results) error {
	hallFiles, err := countHallFiles(ctx, v.url)
	if err != nil {
		return err
	}
	wire, err := newWireCounter(strings.TrimPrefix(v.url, "http://"))
	if err != nil {
		return err
	}
	defer wire.close()
	var peers *peerServer
	var peerWire *wireCounter
	if c.want("peers") {
		prod, err := productModel(ctx, v.url, c.product)
		if err != nil {
			return err
		}
		if peers, err = startPeers(ctx, v.url, prod, modulesDir(c)); err != nil {
			return err
		}
		defer peers.close()
		if peerWire, err = newWireCounter(peers.addr()); err != nil {
			return err
		}
		defer peerWire.close()
	}
	var runs []browserRun
	for i := range c.runs {
		var r browserRun
		if c.want("payload") {
			progress("run %d/%d: app.wasm as served", i+1, c.runs)
			if r.wasm, err = wasmSizes(ctx, v.url); err != nil {
				return err
			}
		}
		if c.want("cold") || c.want("walk") || c.want("configurator") {
			if err := runHall(ctx, c, i, hallFiles, wire, &r); err != nil {
				return err
			}
		}
		productW, productH := 640.0, 480.0
		if c.want("cold") || c.want("peers") {
			progress("run %d/%d: cold and repeat /products/%s", i+1, c.runs, c.product)
			b, t, err := coldTab(ctx, c.chromium, hallFiles)
			if err != nil {
				return err
			}
			wire.take()
			r.product, err = openProduct(t, wire.url(), "/products/"+c.product)
			r.product.bytes = float64(wire.take())
			if err == nil {
				var size []float64
				if size, err = eval[[]float64](t, `(c => [c.clientWidth, c.clientHeight])(document.getElementById('product-canvas'))`); err == nil {
					productW, productH = size[0], size[1]
				}
			}
			if err == nil {
				r.prodRep, err = repeatVisit(t, func() (visit, error) { return openProduct(t, wire.url(), "/products/"+c.product) })
			}
			b.close()
			if err != nil {
				return fmt.Errorf("product page: %w", err)
			}
		}
		if c.want("peers") {
			progress("run %d/%d: peers: <model-viewer> cold, three.js walk", i+1, c.runs)
			b, t, err := coldTab(ctx, c.chromium, hallFiles)
			if err != nil {
				return err
			}
			peerWire.take()
			if err = t.navigate(fmt.Sprintf("%s/model-viewer.html?w=%.0f&h=%.0f", peerWire.url(), productW, productH)); err == nil {
				r.peerModel, err = t.waitMark("peerModel", loadTimeout)
			}
			r.peerBytes = float64(peerWire.take())
			if err == nil {
				r.peerWalk, err = walkPeer(t, "http://"+peers.addr()+"/three.html")
			}
			b.close()
			if err != nil {
				return fmt.Errorf("peers: %w", err)
			}
		}
		runs = append(runs, r)
	}
	recordBrowser(c, res, runs)
	return nil
}

// runHall is one fresh browser's visit to the hall: the cold load, the
// repeat visit, the walk and the configurator.
func runHall(ctx context.Context, c config, i, hallFiles int, wire *wireCounter, r *browserRun) error {
	progress("run %d/%d: cold and repeat /showroom", i+1, c.runs)
	b, t, err := coldTab(ctx, c.chromium, hallFiles)
	if err != nil {
		return err
	}
	defer b.close()
	wire.take()
	if r.hall, err = openHall(t, wire.url()); err != nil {
		return fmt.Errorf("cold /showroom: %w", err)
	}
	r.hall.bytes = float64(wire.take())
	if r.hallRepeat, err = repeatVisit(t, func() (visit, error) { return openHall(t, wire.url()) }); err != nil {
		return fmt.Errorf("repeat /showroom: %w", err)
	}
	if c.want("walk") {
		progress("run %d/%d: walking down the hall", i+1, c.runs)
		if r.walk, err = walkHall(t); err != nil {
			return fmt.Errorf("walk: %w", err)
		}
	}
	if c.want("configurator") {
		progress("run %d/%d: %d configurator changes", i+1, c.runs, configuratorChanges)
		if r.config, err = optionToFrame(t, wire.url()); err != nil {
			return fmt.Errorf("configurator: %w", err)
		}
	}
	return nil
}

// recordBrowser turns the runs into figures and ratios.
func recordBrowser(c config, res *Results, runs []browserRun) {
	col := func(f func(r browserRun) float64) []float64 {
		var out []float64
		for _, r := range runs {
			out = append(out, f(r))
		}
		return out
	}
	mb := func(b float64) float64 { return b / 1e6 }
	if c.want("payload") {
		res.add(secPayload, "app.wasm raw", "MB", col(func(r browserRun) float64 { return mb(r.wasm[0]) }), "")
		res.add(secPayload, "app.wasm gzip", "MB", col(func(r browserRun) float64 { return mb(r.wasm[1]) }), "")
		res.add(secPayload, "app.wasm brotli", "MB", col(func(r browserRun) float64 { return mb(r.wasm[2]) }), "what Chromium gets")
	}
	if c.want("cold") {
		res.add(secPayload, "cold /showroom until every stand is drawn", "MB", col(func(r browserRun) float64 { return mb(r.hall.bytes) }), "on the wire")
		res.add(secPayload, "cold /products/"+c.product+" until the model is drawn", "MB", col(func(r browserRun) float64 { return mb(r.product.bytes) }), "on the wire")
	}
	if c.want("peers") {
		res.add(secPayload, "peer: <model-viewer> page until the model is drawn", "MB", col(func(r browserRun) float64 { return mb(r.peerBytes) }), "on the wire")
	}
	if c.want("cold") {
		res.add(secCold, "/showroom first 3D frame", "ms", col(func(r browserRun) float64 { return r.hall.first }), "")
		res.add(secCold, "/showroom every stand drawn", "ms", col(func(r browserRun) float64 { return r.hall.all }), "")
		res.add(secCold, "/products/"+c.product+" model drawn", "ms", col(func(r browserRun) float64 { return r.product.first }), "")
	}
	if c.want("peers") {
		res.add(secCold, "peer: <model-viewer> model drawn", "ms", col(func(r browserRun) float64 { return r.peerModel }), "load event + next frame")
	}
	if c.want("cold") {
		res.add(secRepeat, "/showroom first 3D frame", "ms", col(func(r browserRun) float64 { return r.hallRepeat.first }), "")
		res.add(secRepeat, "/showroom every stand drawn", "ms", col(func(r browserRun) float64 { return r.hallRepeat.all }), "")
		res.add(secRepeat, "/products/"+c.product+" model drawn", "ms", col(func(r browserRun) float64 { return r.prodRep.first }), "")
	}
	if c.want("walk") {
		res.add(secWalk, "frame time p50", "ms", col(func(r browserRun) float64 { return median(r.walk.frameMS) }), "")
		res.add(secWalk, "frame time p95", "ms", col(func(r browserRun) float64 { return percentile(r.walk.frameMS, 95) }), "")
		res.add(secWalk, "Go time per frame p50", "ms", col(func(r browserRun) float64 { return median(r.walk.goMS) }), "")
		res.add(secWalk, "draw calls per frame", "", col(func(r browserRun) float64 { return median(r.walk.draws) }), "")
		res.add(secWalk, "frames drawn while idle", "/s", col(func(r browserRun) float64 { return r.walk.idleFPS }), "render on demand: 0")
	}
	if c.want("peers") {
		res.add(secWalk, "peer: three.js frame time p50", "ms", col(func(r browserRun) float64 { return median(r.peerWalk.frameMS) }), "")
		res.add(secWalk, "peer: three.js frame time p95", "ms", col(func(r browserRun) float64 { return percentile(r.peerWalk.frameMS, 95) }), "")
		res.add(secWalk, "peer: three.js draw calls per frame", "", col(func(r browserRun) float64 { return median(r.peerWalk.draws) }), "")
	}
	if c.want("configurator") {
		note := fmt.Sprintf("over %d changes a run", configuratorChanges)
		res.add(secConfig, "p50", "ms", col(func(r browserRun) float64 { return median(r.config) }), note)
		res.add(secConfig, "p95", "ms", col(func(r browserRun) float64 { return percentile(r.config, 95) }), note)
	}
	res.ratio("product page: model drawn, cold", [2]string{secCold, "/products/" + c.product + " model drawn"}, [2]string{secCold, "peer: <model-viewer> model drawn"})
	res.ratio("product page: bytes on the wire, cold", [2]string{secPayload, "cold /products/" + c.product + " until the model is drawn"}, [2]string{secPayload, "peer: <model-viewer> page until the model is drawn"})
	res.ratio("hall walk: frame time p50", [2]string{secWalk, "frame time p50"}, [2]string{secWalk, "peer: three.js frame time p50"})
	res.ratio("hall walk: frame time p95", [2]string{secWalk, "frame time p95"}, [2]string{secWalk, "peer: three.js frame time p95"})
}

// countHallFiles returns how many files the hall loads: its shell and one
// per stand.
func countHallFiles(ctx context.Context, base string) (int, error) {
	var sr hallResponse
	if err := getJSON(ctx, base+"/api/v1/showroom", &sr); err != nil {
		return 0, err
	}
	return 1 + len(sr.StandModels), nil
}

// productModel returns the path of the product's 3D model.
func productModel(ctx context.Context, base, slug string) (string, error) {
	var p struct {
		Product struct {
			Model string `json:"model"`
		} `json:"product"`
	}
	if err := getJSON(ctx, base+"/api/v1/products/"+url.PathEscape(slug), &p); err != nil {
		return "", err
	}
	if p.Product.Model == "" {
		return "", fmt.Errorf("product %s has no model", slug)
	}
	return p.Product.Model, nil
}

func getJSON(ctx context.Context, u string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// wasmSizes returns app.wasm's bytes as the server sends them raw, with
// gzip and with brotli (asked for with Accept-Encoding, one at a time).
func wasmSizes(ctx context.Context, base string) ([3]float64, error) {
	var out [3]float64
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	for i, enc := range []string{"identity", "gzip", "br"} {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/web/app.wasm", nil)
		if err != nil {
			return out, err
		}
		req.Header.Set("Accept-Encoding", enc)
		resp, err := client.Do(req)
		if err != nil {
			return out, err
		}
		n, err := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil {
			return out, err
		}
		got := resp.Header.Get("Content-Encoding")
		if enc != "identity" && got != enc {
			return out, fmt.Errorf("app.wasm asked with Accept-Encoding %s came as %q", enc, got)
		}
		out[i] = float64(n)
	}
	return out, nil
}
