//go:build js && wasm

package main

// serve is the server's entry point; the browser program never serves.
func serve() {}
