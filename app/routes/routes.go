// Package routes is the app's one route table. The browser program and the
// server register the same routes (go-app prerenders only routed paths), and
// the server asks Known to answer unknown paths with status 404.
package routes

import (
	"regexp"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/portal"
	"vitrine/showroom"
)

type route struct {
	path    string         // exact path, or
	pattern *regexp.Regexp // a pattern
	page    func() app.Composer
}

var table = []route{
	{path: "/", page: showroom.NewHome},
	{path: "/showroom", page: showroom.NewHall},
	{pattern: regexp.MustCompile(`^/showroom/[a-z0-9-]+(/[a-z0-9-]+)?$`), page: showroom.NewHall},
	{pattern: regexp.MustCompile(`^/categories/[a-z0-9-]+$`), page: showroom.NewCategory},
	{pattern: regexp.MustCompile(`^/products/[a-z0-9-]+$`), page: showroom.NewProduct},
	{path: "/configure", page: showroom.NewConfigure},
	{pattern: regexp.MustCompile(`^/configure/[a-z0-9-]+$`), page: showroom.NewConfigure},
	{path: "/cart", page: showroom.NewCart},
	{path: "/checkout", page: showroom.NewCheckout},
	{path: "/track", page: portal.NewTrack},
	{pattern: regexp.MustCompile(`^/track/[A-Za-z]{2,4}-[0-9]{3,10}$`), page: portal.NewOrder},
	{path: "/returns", page: portal.NewReturns},
	{path: "/returns/policy", page: portal.NewReturnPolicy},
	{pattern: regexp.MustCompile(`^/returns/[Rr][TPtp]-[0-9]{6,12}$`), page: portal.NewReturn},
	{pattern: regexp.MustCompile(`^/help(/[a-z0-9-]+){0,2}$`), page: portal.NewHelp},
	{pattern: regexp.MustCompile(`^/help/[a-z0-9-]+/[a-z0-9-]+/[a-z0-9-]+$`), page: portal.NewArticle},
	{path: "/contact", page: portal.NewContact},
	{path: "/staff/signin", page: portal.NewStaffSignIn},
	{path: "/staff/help", page: portal.NewStaffHelp},
	{path: "/staff/returns", page: portal.NewStaffReturns},
}

// Register registers every route with go-app, then a catch-all for the
// not-found page (go-app tries exact paths first, then patterns in order).
func Register() {
	for _, r := range table {
		if r.pattern != nil {
			app.RouteWithRegexp(r.pattern.String(), r.page)
		} else {
			app.Route(r.path, r.page)
		}
	}
	app.RouteWithRegexp(`^/.*`, ui.NewNotFound)
}

// Known reports whether path is one of the app's pages (not the catch-all).
func Known(path string) bool {
	for _, r := range table {
		if r.path == path || r.pattern != nil && r.pattern.MatchString(path) {
			return true
		}
	}
	return false
}
