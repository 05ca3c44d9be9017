//go:build js && wasm

package api

import (
	"context"
	"errors"
	"syscall/js"
)

// roundTrip calls the browser's fetch, so that the wasm carries no net/http
// (design.md: it costs over a megabyte compressed). Cancelling ctx aborts
// the request.
func roundTrip(ctx context.Context, method, url string, body []byte) (int, []byte, error) {
	abort := js.Global().Get("AbortController").New()
	opts := map[string]any{
		"method":      method,
		"credentials": "same-origin",
		"signal":      abort.Get("signal"),
		"headers":     map[string]any{"Accept": "application/json"},
	}
	if body != nil {
		arr := js.Global().Get("Uint8Array").New(len(body))
		js.CopyBytesToJS(arr, body)
		opts["body"] = arr
		opts["headers"] = map[string]any{"Accept": "application/json", "Content-Type": "application/json"}
	}
	type result struct {
		status int
		body   []byte
		err    error
	}
	done := make(chan result, 1)
	var onResp, onBody, onErr js.Func
	release := func() { onResp.Release(); onBody.Release(); onErr.Release() }
	status := 0
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
		b := make([]byte, arr.Get("length").Int())
		js.CopyBytesToGo(b, arr)
		done <- result{status: status, body: b}
		return nil
	})
	onResp = js.FuncOf(func(_ js.Value, args []js.Value) any {
		status = args[0].Get("status").Int()
		args[0].Call("arrayBuffer").Call("then", onBody).Call("catch", onErr)
		return nil
	})
	js.Global().Call("fetch", url, opts).Call("then", onResp).Call("catch", onErr)
	select {
	case r := <-done:
		release()
		return r.status, r.body, r.err
	case <-ctx.Done():
		abort.Call("abort")
		<-done // the promise settles (rejected) after abort; wait so the funcs can be released
		release()
		return 0, nil, ctx.Err()
	}
}
