// Package api is the wire contract of Vitrine's JSON API under /api/v1: the
// request and response bodies, the error envelope and its codes, and the
// client the pages use. The client speaks through the browser's fetch under
// wasm and through net/http natively (the server's prerender and tests), so
// this package stays importable by both builds; it imports no server code.
package api

import (
	"vitrine/showroom/catalog"
)

// Prefix is the path every API route starts with. The version is in the path
// so that a v2 can be served beside v1 while old clients still run.
const Prefix = "/api/v1"

// MaxBodyBytes bounds every request body the API reads.
const MaxBodyBytes = 1 << 20

// ErrorBody is the envelope of every API error response:
// {"error":{"code":"not_found","message":"…"}}.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail says what went wrong. Code is one of the catalog.E* codes;
// Message is safe to show a customer; Field and Key, when set, let a form put
// the translated message next to the field it is about.
type ErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
	Key     string `json:"key,omitempty"`
	// Params fill the {placeholders} of Key's message, e.g. {"seconds":"42"}
	// in "Too many attempts. Try again in {seconds} seconds."
	Params map[string]string `json:"params,omitempty"`
	// Errors, when set, are every field error of a form at once (the
	// first is also in Code, Message, Field and Key).
	Errors []ErrorDetail `json:"errors,omitempty"`
}

// CategoriesResponse is the body of GET /api/v1/categories.
type CategoriesResponse struct {
	Categories []catalog.Category `json:"categories"`
}

// ProductsResponse is the body of GET /api/v1/products.
type ProductsResponse struct {
	Products []catalog.Product `json:"products"`
}

// ProductResponse is the body of GET /api/v1/products/{slug}.
type ProductResponse struct {
	Product catalog.Product `json:"product"`
}

// Stand is a category with its products, as the showroom lays them out.
type Stand struct {
	Category catalog.Category  `json:"category"`
	Products []catalog.Product `json:"products"`
}

// StandsResponse is the body of GET /api/v1/stands.
type StandsResponse struct {
	Stands []Stand `json:"stands"`
}
