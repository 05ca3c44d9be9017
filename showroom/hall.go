package showroom

import (
	"context"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// Hall views: the walkable 3D hall or the accessible 2D list of stands.
const (
	view3D   = "3d"
	viewList = "list"
)

// hallViewKey is where the visitor's choice of view is kept (local
// storage), so "List view" stays chosen on the next visit.
const hallViewKey = "vitrine.showroom.view"

// hall is the showroom: /showroom, /showroom/{stand} and
// /showroom/{stand}/{product}. It shows the 3D hall (hallStage) with a
// directory beside it (a drawer on phones) and, when a product is chosen,
// a panel to inspect it; the URL follows what is shown, so a shared link
// opens the same view and the back button returns to the previous one.
// Without WebGL2, with prefers-reduced-motion, or when the visitor asks
// for it, the same page lists the stands and products in 2D, with the
// same links. The server prerenders the list.
type hall struct {
	app.Compo
	ui.Localized

	data   *api.ShowroomResponse
	err    error
	loaded bool

	stand, product string

	// view is view3D or viewList; notice, when set, says why the list
	// shows instead of the 3D (a message key).
	view, notice string
	filter       string
	drawerOpen   bool
	added        string // the product just added to the cart
}

// NewHall returns the page of /showroom and /showroom/{stand}[/{product}].
func NewHall() app.Composer { return &hall{} }

// OnNav runs on the server's prerender and on every navigation in the
// browser, including from one stand or product of the hall to another.
func (h *hall) OnNav(ctx app.Context) {
	h.BindLocale(ctx)
	parts := strings.Split(strings.Trim(strings.TrimPrefix(ctx.Page().URL().Path, "/showroom"), "/"), "/")
	h.stand, h.product = "", ""
	if len(parts) > 0 {
		h.stand = parts[0]
	}
	if len(parts) > 1 {
		h.product = parts[1]
	}
	h.drawerOpen = false
	if h.added != h.product {
		h.added = ""
	}
	if h.view == "" {
		h.view, h.notice = chooseView(ctx)
	}
	h.setTitle(ctx)
	if h.loaded && h.err == nil {
		return
	}
	ctx.Async(func() {
		r, err := (&api.Client{}).Showroom(context.Background())
		ctx.Dispatch(func(ctx app.Context) {
			h.data, h.err, h.loaded = r, err, true
			h.setTitle(ctx)
		})
	})
}

// chooseView decides between the 3D hall and the list: the list on the
// server (it prerenders), without WebGL2, or with reduced motion unless
// the visitor chose the 3D; otherwise the visitor's last choice, or 3D.
func chooseView(ctx app.Context) (view, notice string) {
	if app.IsServer {
		return viewList, ""
	}
	if !hasWebGL2() {
		return viewList, "showroom.no3d"
	}
	var saved string
	ctx.LocalStorage().Get(hallViewKey, &saved)
	if saved == view3D || saved == viewList {
		return saved, ""
	}
	if mq := app.Window().Call("matchMedia", "(prefers-reduced-motion: reduce)"); mq.Truthy() && mq.Get("matches").Bool() {
		return viewList, "showroom.reduced_motion"
	}
	return view3D, ""
}

// hasWebGL2 asks the browser for a WebGL2 context on a scratch canvas, and
// gives it back at once.
func hasWebGL2() bool {
	c := app.Window().Get("document").Call("createElement", "canvas")
	gl := c.Call("getContext", "webgl2")
	if !gl.Truthy() {
		return false
	}
	if ext := gl.Call("getExtension", "WEBGL_lose_context"); ext.Truthy() {
		ext.Call("loseContext")
	}
	return true
}

func (h *hall) setTitle(ctx app.Context) {
	title := h.T("page.showroom")
	if p := h.currentProduct(); p != nil {
		title = p.Name.In(h.Loc) + " · " + title
	} else if st := h.currentStand(); st != nil {
		title = h.T("showroom.stand_title", "stand", st.Category.Name.In(h.Loc)) + " · " + title
	}
	ctx.Page().SetTitle(title + " · " + h.T("app.name"))
}

func (h *hall) currentStand() *api.Stand {
	if h.data == nil {
		return nil
	}
	for i := range h.data.Stands {
		if h.data.Stands[i].Category.Slug == h.stand {
			return &h.data.Stands[i]
		}
	}
	return nil
}

func (h *hall) currentProduct() *catalog.Product {
	st := h.currentStand()
	if st == nil || h.product == "" {
		return nil
	}
	for i := range st.Products {
		if st.Products[i].Slug == h.product {
			return &st.Products[i]
		}
	}
	return nil
}

// setView switches between the 3D hall and the list, and remembers it.
func (h *hall) setView(view string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		h.view, h.notice = view, ""
		ctx.LocalStorage().Set(hallViewKey, view)
	}
}

// lostAction is the 3D hall's report that it stopped working.
const lostAction = "vitrine.showroom.lost"

// OnMount listens for the 3D hall's failure: the list takes over.
func (h *hall) OnMount(ctx app.Context) {
	ctx.Handle(lostAction, func(ctx app.Context, a app.Action) {
		h.view, h.notice = viewList, "showroom.lost"
	})
}

func (h *hall) toggleDrawer(ctx app.Context, e app.Event) { h.drawerOpen = !h.drawerOpen }

func (h *hall) onFilter(ctx app.Context, e app.Event) {
	h.filter = ctx.JSSrc().Get("value").String()
}

func (h *hall) addToCart(ctx app.Context, e app.Event) {
	if p := h.currentProduct(); p != nil {
		addToCart(ctx, p.Slug, "", 1, p.Name)
		h.added = p.Slug
	}
}

func (h *hall) Render() app.UI {
	title := h.T("page.showroom")
	if h.err != nil {
		return ui.Layout(h.Loc, "/showroom", title, ui.LoadError(h.Loc, h.err, nil))
	}
	if !h.loaded || h.data == nil {
		return ui.Layout(h.Loc, "/showroom", title, ui.Loading(h.Loc))
	}
	product := h.currentProduct()
	unknown := h.stand != "" && h.currentStand() == nil || h.product != "" && product == nil
	return ui.Layout(h.Loc, "/showroom", title,
		app.P().Class("lead").Text(h.T("showroom.intro")),
		app.Div().Class("hall-bar").Body(
			app.Button().Type("button").Class("button hall-directory-toggle").ID("hall-directory-toggle").
				Aria("expanded", strconv.FormatBool(h.drawerOpen)).Aria("controls", "hall-directory").
				OnClick(h.toggleDrawer).Text(h.T("showroom.directory")),
			app.If(h.view == view3D, func() app.UI {
				return app.Button().Type("button").Class("button").ID("hall-list-view").OnClick(h.setView(viewList)).
					Text(h.T("showroom.list_view"))
			}).ElseIf(h.notice != "showroom.no3d" && app.IsClient, func() app.UI {
				return app.Button().Type("button").Class("button").ID("hall-3d-view").OnClick(h.setView(view3D)).
					Text(h.T("showroom.view_3d"))
			}),
		),
		// Notices come and go inside a container of their own, so that
		// the hall below keeps its place among the page's elements (go-app
		// matches children by position; a moved hall would be rebuilt).
		app.Div().Class("hall-notices").Body(
			app.If(h.notice != "", func() app.UI {
				return app.P().Class("notice").ID("hall-notice").Attr("role", "status").Text(h.T(h.notice))
			}),
			app.If(unknown, func() app.UI {
				return app.P().Class("notice warn").Attr("role", "alert").Text(h.T("showroom.unknown"))
			}),
		),
		app.Div().Class("hall-layout").Class(classIf(product != nil, "with-panel")).Body(
			h.directory(),
			app.If(h.view == view3D, func() app.UI {
				return &hallStage{Data: h.data, Locale: h.Loc, Stand: h.stand, Product: h.product}
			}).Else(func() app.UI { return h.list() }),
			app.If(product != nil, func() app.UI { return h.panel(product) }),
		),
	)
}

// directory lists the stands and their products, filtered as the visitor
// types; each entry is a link, so choosing one changes the URL and the
// hall flies there.
func (h *hall) directory() app.UI {
	q := strings.ToLower(strings.TrimSpace(h.filter))
	type entry struct {
		stand    api.Stand
		products []catalog.Product
		show     bool
	}
	var entries []entry
	any := false
	for _, st := range h.data.Stands {
		e := entry{stand: st}
		standHit := q == "" || strings.Contains(strings.ToLower(st.Category.Name.In(h.Loc)), q)
		for _, p := range st.Products {
			if standHit || strings.Contains(strings.ToLower(p.Name.In(h.Loc)), q) || p.Matches(q) {
				e.products = append(e.products, p)
			}
		}
		e.show = standHit || len(e.products) > 0
		any = any || e.show
		entries = append(entries, e)
	}
	return app.Nav().Class("hall-directory").Class(classIf(h.drawerOpen, "open")).ID("hall-directory").
		Aria("label", h.T("showroom.directory")).Body(
		app.Button().Type("button").Class("hall-directory-close").OnClick(h.toggleDrawer).
			Aria("label", h.T("showroom.directory_close")).Text("×"),
		app.Label().For("hall-filter").Class("field-label").Text(h.T("showroom.filter")),
		app.Input().Type("search").ID("hall-filter").Class("hall-filter").Value(h.filter).
			Placeholder(h.T("showroom.filter_placeholder")).AutoComplete(false).OnInput(h.onFilter),
		app.If(!any, func() app.UI {
			return app.P().Class("note").Attr("role", "status").Text(h.T("showroom.no_match", "q", h.filter))
		}),
		app.Ul().Class("hall-stands").Body(
			app.Range(entries).Slice(func(i int) app.UI {
				e := entries[i]
				if !e.show {
					return nil
				}
				slug := e.stand.Category.Slug
				return app.Li().Body(
					app.A().Class("hall-stand-link").Href("/showroom/"+slug).
						Aria("current", currentAttr(h.stand == slug && h.product == "")).
						Text(e.stand.Category.Name.In(h.Loc)),
					app.Ul().Body(app.Range(e.products).Slice(func(j int) app.UI {
						p := e.products[j]
						return app.Li().Body(app.A().Class("hall-product-link").Href("/showroom/"+slug+"/"+p.Slug).
							Aria("current", currentAttr(h.stand == slug && h.product == p.Slug)).
							Text(p.Name.In(h.Loc)))
					})),
				)
			}),
		),
	)
}

// list is the 2D showroom: every stand with its products, each with its
// picture, linking to the same places the 3D hall does.
func (h *hall) list() app.UI {
	return app.Div().Class("hall-list").ID("hall-list").Body(
		app.Range(h.data.Stands).Slice(func(i int) app.UI {
			st := h.data.Stands[i]
			slug := st.Category.Slug
			return app.Section().Class("stand").ID("stand-"+slug).Body(
				app.H2().Body(app.A().Href("/showroom/"+slug).Text(st.Category.Name.In(h.Loc))),
				app.P().Class("note").Text(st.Category.Description.In(h.Loc)),
				app.Ul().Class("grid products").Body(app.Range(st.Products).Slice(func(j int) app.UI {
					p := st.Products[j]
					return app.Li().Class("card product-card").Body(
						app.A().Href("/showroom/"+slug+"/"+p.Slug).Body(
							ui.Thumbnail(h.Loc, &p),
							app.H3().Class("card-title").Text(p.Name.In(h.Loc)),
						),
						app.P().Class("price").Text(ui.Price(h.Loc, p.Price)),
					)
				})),
			)
		}),
	)
}

// panel inspects a product of the hall: its 3D model with hotspots, price,
// availability, key specifications and the way to buy or configure it.
func (h *hall) panel(p *catalog.Product) app.UI {
	specs := p.Specs
	if len(specs) > 4 {
		specs = specs[:4]
	}
	return app.Section().Class("hall-panel").ID("hall-panel").Aria("labelledby", "hall-panel-title").Body(
		app.A().Class("hall-panel-close").Href("/showroom/"+h.stand).Aria("label", h.T("showroom.close")).Text("×"),
		app.H2().ID("hall-panel-title").Text(p.Name.In(h.Loc)),
		&inspector{Product: *p, Locale: h.Loc},
		app.Dl().Class("buy-box").Body(
			app.Dt().Text(h.T("catalog.price")),
			app.Dd().Class("price").ID("hall-panel-price").Text(ui.Price(h.Loc, p.Price)),
			app.Dt().Text(h.T("catalog.availability")),
			app.Dd().Class("availability").Text(ui.Availability(h.Loc, p)),
		),
		app.H3().Text(h.T("showroom.key_specs")),
		app.Table().Class("spec-table").Body(app.TBody().Body(
			app.Range(specs).Slice(func(i int) app.UI {
				return app.Tr().Body(app.Th().Scope("row").Text(h.T("spec."+specs[i].Key)), app.Td().Text(specs[i].Value.In(h.Loc)))
			}),
		)),
		app.Div().Class("actions").Body(
			app.If(p.Configurable, func() app.UI {
				return app.A().Class("button primary").Href("/configure/" + p.Slug).Text(h.T("catalog.configure"))
			}).Else(func() app.UI {
				return app.Button().Class("button primary").ID("hall-panel-add").Type("button").
					OnClick(h.addToCart).Text(h.T("catalog.add_to_cart"))
			}),
			app.A().Class("button").Href("/products/"+p.Slug).Text(h.T("showroom.details")),
		),
		app.Div().Attr("role", "status").Body(
			app.If(h.added == p.Slug, func() app.UI {
				return app.P().Class("note").Body(
					app.Text(h.T("product.added")+" "),
					app.A().Href("/cart").Text(h.T("product.view_cart")),
				)
			}),
		),
	)
}

// currentAttr is aria-current for a directory entry: "page" for the one
// shown, nothing for the others.
func currentAttr(b bool) string {
	if b {
		return "page"
	}
	return ""
}

func classIf(b bool, class string) string {
	if b {
		return class
	}
	return ""
}
