package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"

	"vitrine/showroom/catalog"
)

// Client calls the API. The zero value calls the origin the page came from
// (in the browser) or the in-process server set with SetLocalHandler
// (natively, during prerender).
type Client struct {
	// BaseURL is prepended to every path; empty means the page's origin.
	BaseURL string
}

// Categories lists the categories.
func (c *Client) Categories(ctx context.Context) ([]catalog.Category, error) {
	var r CategoriesResponse
	err := c.get(ctx, Prefix+"/categories", &r)
	return r.Categories, err
}

// Products lists the products matching f.
func (c *Client) Products(ctx context.Context, f catalog.ProductFilter) ([]catalog.Product, error) {
	q := url.Values{}
	if f.Category != "" {
		q.Set("category", f.Category)
	}
	if f.Query != "" {
		q.Set("q", f.Query)
	}
	if f.Featured {
		q.Set("featured", "true")
	}
	path := Prefix + "/products"
	if len(q) > 0 {
		path += "?" + q.Encode()
	}
	var r ProductsResponse
	err := c.get(ctx, path, &r)
	return r.Products, err
}

// Product returns one product.
func (c *Client) Product(ctx context.Context, slug string) (*catalog.Product, error) {
	var r ProductResponse
	if err := c.get(ctx, Prefix+"/products/"+url.PathEscape(slug), &r); err != nil {
		return nil, err
	}
	return &r.Product, nil
}

func (c *Client) get(ctx context.Context, path string, out any) error {
	return c.Do(ctx, "GET", path, nil, out)
}

// Do sends a request with an optional JSON body and decodes a JSON response
// into out. An error response comes back as a *catalog.Error with the
// server's code, message, field and key (or as catalog.Errors when the
// server reports several fields), so pages branch on codes as the domain
// does.
func (c *Client) Do(ctx context.Context, method, path string, in, out any) error {
	var body []byte
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("encode %s %s: %w", method, path, err)
		}
		body = b
	}
	status, resp, err := roundTrip(ctx, method, c.BaseURL+path, body)
	if err != nil {
		return &catalog.Error{Code: "network", Key: "error.load", Message: err.Error()}
	}
	if status >= 400 {
		var e ErrorBody
		if json.Unmarshal(resp, &e) != nil || e.Error.Code == "" {
			return &catalog.Error{Code: catalog.EINTERNAL, Key: "error.load", Message: fmt.Sprintf("%s %s: status %d", method, path, status)}
		}
		if len(e.Error.Errors) > 0 {
			es := make(catalog.Errors, len(e.Error.Errors))
			for i, d := range e.Error.Errors {
				es[i] = &catalog.Error{Code: d.Code, Message: d.Message, Field: d.Field, Key: d.Key, Params: d.Params}
			}
			return es
		}
		return &catalog.Error{Code: e.Error.Code, Message: e.Error.Message, Field: e.Error.Field, Key: e.Error.Key, Params: e.Error.Params}
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(resp, out); err != nil {
		return fmt.Errorf("decode %s %s: %w", method, path, err)
	}
	return nil
}
