//go:build js && wasm

package scene

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"syscall/js"

	"github.com/g3n/engine/core"
	"github.com/g3n/engine/loader/gltf"
)

// maxGLBBytes bounds a model download: the store's GLBs are well under a
// megabyte, and a runaway file must not exhaust the tab's memory.
const maxGLBBytes = 32 << 20

// ParseGLB builds the default scene of a binary glTF. It needs no WebGL
// context (buffers are uploaded at the first render), so it runs in a
// goroutine while the page stays responsive. GLBs must be self-contained:
// g3n's loader reads external URIs from disk, which a browser has not.
func ParseGLB(data []byte) (core.INode, error) {
	g, err := gltf.ParseBinReader(bytes.NewReader(data), "")
	if err != nil {
		return nil, fmt.Errorf("scene: parse GLB: %w", err)
	}
	idx := 0
	if g.Scene != nil {
		idx = *g.Scene
	}
	n, err := g.LoadScene(idx)
	if err != nil {
		return nil, fmt.Errorf("scene: load GLB scene: %w", err)
	}
	return n, nil
}

// LoadGLB fetches the GLB at url and builds its scene. It blocks until
// done, so call it from a goroutine (never from a frame or an event
// handler); cancelling ctx aborts the download. Hand the node to
// Viewer.SetScene, which renders it.
func LoadGLB(ctx context.Context, url string) (core.INode, error) {
	data, err := fetchBytes(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("scene: fetch %s: %w", url, err)
	}
	return ParseGLB(data)
}

// fetchBytes GETs url with the browser's fetch.
func fetchBytes(ctx context.Context, url string) ([]byte, error) {
	abort := js.Global().Get("AbortController").New()
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	var onResp, onBody, onErr js.Func
	onErr = js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "network error"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		done <- result{err: errors.New(msg)}
		return nil
	})
	onBody = js.FuncOf(func(_ js.Value, args []js.Value) any {
		arr := js.Global().Get("Uint8Array").New(args[0])
		n := arr.Get("length").Int()
		if n > maxGLBBytes {
			done <- result{err: fmt.Errorf("the model is larger than %d bytes", maxGLBBytes)}
			return nil
		}
		b := make([]byte, n)
		js.CopyBytesToGo(b, arr)
		done <- result{b: b}
		return nil
	})
	onResp = js.FuncOf(func(_ js.Value, args []js.Value) any {
		resp := args[0]
		if !resp.Get("ok").Bool() {
			done <- result{err: fmt.Errorf("status %d", resp.Get("status").Int())}
			return nil
		}
		resp.Call("arrayBuffer").Call("then", onBody).Call("catch", onErr)
		return nil
	})
	js.Global().Call("fetch", url, map[string]any{"signal": abort.Get("signal"), "credentials": "same-origin"}).
		Call("then", onResp).Call("catch", onErr)
	release := func() { onResp.Release(); onBody.Release(); onErr.Release() }
	select {
	case r := <-done:
		release()
		return r.b, r.err
	case <-ctx.Done():
		abort.Call("abort")
		<-done
		release()
		return nil, ctx.Err()
	}
}
