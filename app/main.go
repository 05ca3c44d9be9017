// Command vitrine is the store, built twice from this one program: compiled
// to WebAssembly it is the progressive web app the browser runs; built
// natively it is the server that prerenders and serves that app and the
// JSON API over an embedded SQLite database (see serve.go).
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/routes"
)

func main() {
	// The browser and the server must know the same routes: go-app's server
	// prerenders only routed paths.
	routes.Register()
	// In the browser this starts the app and never returns; natively it
	// returns at once and the server starts.
	app.RunWhenOnBrowser()
	serve()
}
