package showroom

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/assets/i18n"
	"vitrine/server/api"
	"vitrine/showroom/scene"
)

// hallCanvasID is the id of the 3D hall's canvas.
const hallCanvasID = "hall-canvas"

// hallStage is the 3D hall: the canvas the scene package walks in, a
// progress bar while the stands arrive, and a live description of what is
// in view or focused, for screen readers. Choosing a stand or a product in
// the hall changes the URL (the page then opens its panel); a new URL from
// the directory or the back button flies the camera there.
type hallStage struct {
	app.Compo

	Data    *api.ShowroomResponse
	Locale  string
	Stand   string
	Product string

	view   *scene.HallView
	flown  string // "stand/product" the camera was last sent to
	signs  string // the locale the signs are written in
	loaded int
	total  int
	// said is the live description: what is focused, else what is in
	// view.
	said string
}

func (s *hallStage) t(key string, args ...string) string { return i18n.T(s.Locale, key, args...) }

func (s *hallStage) OnMount(ctx app.Context) {
	if app.IsServer {
		return
	}
	s.total = 1 + len(s.Data.StandModels)
	ctx.Defer(func(ctx app.Context) { s.start(ctx) })
}

func (s *hallStage) start(ctx app.Context) {
	canvas := app.Window().GetElementByID(hallCanvasID)
	reduced := false
	if mq := app.Window().Call("matchMedia", "(prefers-reduced-motion: reduce)"); mq.Truthy() {
		reduced = mq.Get("matches").Bool()
	}
	hv, err := scene.NewHallView(hallCanvasID, scene.HallData{Layout: s.Data.Layout, Shell: s.Data.Shell,
		StandModels: s.Data.StandModels, Signs: s.signNames()}, scene.HallOptions{
		// The canvas carries the last frame's numbers, for the browser
		// tests and the benchmark.
		OnFrame: func(st scene.FrameStats) {
			canvas.Call("setAttribute", "data-frame", strconv.Itoa(st.Frame))
			canvas.Call("setAttribute", "data-draws", strconv.Itoa(st.DrawCalls))
			canvas.Call("setAttribute", "data-go-us", strconv.FormatInt(st.GoTime.Microseconds(), 10))
		},
		OnLost: func() { ctx.Dispatch(func(ctx app.Context) { s.stop(ctx) }) },
		OnProgress: func(loaded, total int) {
			canvas.Call("setAttribute", "data-loaded", strconv.Itoa(loaded))
			ctx.Dispatch(func(ctx app.Context) { s.loaded, s.total = loaded, total })
		},
		OnFocus: func(i int) { ctx.Dispatch(func(ctx app.Context) { s.sayFocus(i) }) },
		OnSelect: func(stand, product string) {
			ctx.Dispatch(func(ctx app.Context) {
				u := "/showroom/" + stand
				if product != "" {
					u += "/" + product
				}
				s.flown = stand + "/" + product
				ctx.Navigate(u)
			})
		},
		OnEscape: func() {
			ctx.Dispatch(func(ctx app.Context) {
				if s.Product != "" {
					ctx.Navigate("/showroom/" + s.Stand)
				}
			})
		},
		OnView: func(stand string, products []string) {
			ctx.Dispatch(func(ctx app.Context) { s.sayView(stand, products) })
		},
		ReducedMotion: reduced,
	})
	if err != nil {
		ctx.NewAction(lostAction)
		return
	}
	s.view = hv
	s.signs = s.Locale
	s.fly()
}

// stop gives up on the 3D; the page shows its list.
func (s *hallStage) stop(ctx app.Context) {
	s.view.Dispose()
	s.view = nil
	ctx.NewAction(lostAction)
}

// fly sends the camera to the URL's stand or product, once per change.
func (s *hallStage) fly() {
	key := s.Stand + "/" + s.Product
	if s.view == nil || key == s.flown {
		return
	}
	s.flown = key
	if s.Stand == "" {
		s.view.Home()
		return
	}
	s.view.FlyTo(s.Stand, s.Product)
}

// OnUpdate follows the page: a new URL flies, a new language rewrites the
// signs.
func (s *hallStage) OnUpdate(ctx app.Context) {
	s.fly()
	if s.view != nil && s.signs != s.Locale {
		s.signs = s.Locale
		s.view.SetSigns(s.signNames())
	}
}

func (s *hallStage) OnDismount() {
	s.view.Dispose()
	s.view = nil
}

func (s *hallStage) signNames() []string {
	names := make([]string, len(s.Data.Stands))
	for i, st := range s.Data.Stands {
		names[i] = st.Category.Name.In(s.Locale)
	}
	return names
}

func (s *hallStage) standName(slug string) string {
	for _, st := range s.Data.Stands {
		if st.Category.Slug == slug {
			return st.Category.Name.In(s.Locale)
		}
	}
	return slug
}

func (s *hallStage) productName(slug string) (name, price string) {
	for _, st := range s.Data.Stands {
		for _, p := range st.Products {
			if p.Slug == slug {
				return p.Name.In(s.Locale), ui.Price(s.Locale, p.Price)
			}
		}
	}
	return slug, ""
}

func (s *hallStage) sayFocus(i int) {
	targets := s.Data.Layout.Targets()
	if i < 0 || i >= len(targets) {
		return
	}
	t := targets[i]
	if t.Product == "" {
		s.said = s.t("showroom.focus.stand", "stand", s.standName(t.Stand))
		return
	}
	name, price := s.productName(t.Product)
	s.said = s.t("showroom.focus.product", "name", name, "price", price, "stand", s.standName(t.Stand))
}

func (s *hallStage) sayView(stand string, products []string) {
	if stand == "" {
		s.said = s.t("showroom.view.empty")
		return
	}
	said := s.t("showroom.view.stand", "stand", s.standName(stand))
	if len(products) > 0 {
		names := make([]string, len(products))
		for i, p := range products {
			names[i], _ = s.productName(p)
		}
		said += " " + s.t("showroom.view.products", "products", strings.Join(names, s.t("showroom.list_separator")))
	}
	s.said = said
}

func (s *hallStage) Render() app.UI {
	loading := s.loaded < s.total
	return app.Div().Class("hall-stage").ID("hall-stage").Body(
		app.Canvas().ID(hallCanvasID).Class("viewer-canvas hall-canvas").TabIndex(0).
			Attr("role", "application").Aria("label", s.t("showroom.canvas_label")).
			Aria("describedby", "hall-said"),
		app.If(loading, func() app.UI {
			return app.Div().Class("hall-progress").Body(
				app.Progress().ID("hall-progress").Max(s.total).Value(s.loaded).
					Aria("label", s.t("showroom.loading", "loaded", strconv.Itoa(s.loaded), "total", strconv.Itoa(s.total))),
				app.Span().Text(s.t("showroom.loading", "loaded", strconv.Itoa(s.loaded), "total", strconv.Itoa(s.total))),
			)
		}),
		app.P().Class("hall-said").ID("hall-said").Attr("aria-live", "polite").Text(s.said),
		app.P().Class("viewer-hint").Aria("hidden", "true").Text(s.t("showroom.hint")),
	)
}
