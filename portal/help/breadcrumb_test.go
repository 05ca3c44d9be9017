package help_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"vitrine/portal/help"
	"vitrine/showroom/catalog"
)

func TestBreadcrumbs(t *testing.T) {
	root := help.Crumb{Label: "Help center", Key: "help.crumb.root", Path: "/help"}
	for _, tc := range []struct {
		name   string
		locale string
		place  help.Place
		want   []help.Crumb
		code   string
	}{
		{name: "the home is a single current crumb", locale: "en",
			want: []help.Crumb{{Label: "Help center", Key: "help.crumb.root", Path: "/help", Current: true}}},
		{name: "a category page ends at the category", locale: "es", place: help.Place{Category: "orders"},
			want: []help.Crumb{root, {Label: "Pedidos", Path: "/help/orders", Current: true}}},
		{name: "a section falls back to English titles", locale: "es", place: help.Place{Category: "orders", Section: "tracking"},
			want: []help.Crumb{root, {Label: "Pedidos", Path: "/help/orders"}, {Label: "Tracking", Path: "/help/orders/tracking", Current: true}}},
		{name: "an article page ends at the article's title", locale: "en",
			place: help.Place{Category: "orders", Section: "tracking", ArticleID: "track-order", ArticleTitle: "How do I track my order?"},
			want: []help.Crumb{root, {Label: "Orders", Path: "/help/orders"}, {Label: "Tracking", Path: "/help/orders/tracking"},
				{Label: "How do I track my order?", Path: "/help/orders/tracking/track-order", Current: true}}},
		{name: "an unknown category is not found", locale: "en", place: help.Place{Category: "nope"}, code: catalog.ENOTFOUND},
		{name: "a section of another category is not found", locale: "en", place: help.Place{Category: "orders", Section: "refunds"}, code: catalog.ENOTFOUND},
		{name: "an article of another section is not found", locale: "en",
			place: help.Place{Category: "orders", Section: "tracking", ArticleID: "delivery-times"}, code: catalog.ENOTFOUND},
		{name: "a section without a category is not found", locale: "en", place: help.Place{Section: "tracking"}, code: catalog.ENOTFOUND},
		{name: "an article without a section is not found", locale: "en", place: help.Place{Category: "orders", ArticleID: "late"}, code: catalog.ENOTFOUND},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := help.Breadcrumbs(sampleTree(), tc.locale, tc.place)
			assert.Equal(t, tc.code, catalog.ErrorCode(err))
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestParsePath(t *testing.T) {
	for _, tc := range []struct {
		path string
		want help.Place
		ok   bool
	}{
		{path: "/help", ok: true},
		{path: "/help/", ok: true},
		{path: "/help/orders", want: help.Place{Category: "orders"}, ok: true},
		{path: "/help/orders/tracking", want: help.Place{Category: "orders", Section: "tracking"}, ok: true},
		{path: "/help/orders/tracking/track-order", want: help.Place{Category: "orders", Section: "tracking", ArticleID: "track-order"}, ok: true},
		{path: "/help/a/b/c/d"},
		{path: "/helpdesk"},
		{path: "/help/Orders"},
		{path: "/help/orders/../secret"},
		{path: "/contact"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			got, ok := help.ParsePath(tc.path)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestPathsRoundTrip(t *testing.T) {
	p, ok := help.ParsePath(help.ArticlePath("returns", "refunds", "store-credit"))
	assert.True(t, ok)
	assert.Equal(t, help.Place{Category: "returns", Section: "refunds", ArticleID: "store-credit"}, p)
}
