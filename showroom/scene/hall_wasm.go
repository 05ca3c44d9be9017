//go:build js && wasm

package scene

import (
	"context"
	"fmt"
	"image"
	"sync"
	"syscall/js"

	"github.com/g3n/engine/core"
	"github.com/g3n/engine/geometry"
	"github.com/g3n/engine/gls"
	"github.com/g3n/engine/graphic"
	"github.com/g3n/engine/light"
	"github.com/g3n/engine/material"
	"github.com/g3n/engine/math32"
	"github.com/g3n/engine/texture"

	"vitrine/showroom/hall"
)

// HallView is the walkable showroom hall in a page's canvas: the baked
// shell and stands (loaded in the background, the hall usable while they
// arrive), the stands' signs, a Walker camera, picking by tap or click,
// keyboard focus with a highlight, and a description of what is in view.
// Pages use it, not Viewer, because its API has no g3n or syscall/js
// types; it has a native twin for the server's prerender.
type HallView struct {
	viewer *Viewer
	walker *Walker
	data   HallData
	opts   HallOptions

	targets   []hall.Target
	focus     int           // index in targets, or -1
	highlight *graphic.Mesh // nil until something is focused
	hlMat     *material.Physical
	signs     *graphic.Mesh
	signTex   *texture.Texture2D

	cancel context.CancelFunc
	// pending holds nodes loaded in the background, added to the scene
	// at the start of the next frame (never while a frame traverses it).
	mu      sync.Mutex
	pending []core.INode
	loaded  int
	// roots are the loaded GLBs' nodes, until merged replaces them with
	// one mesh per kind of surface once everything has arrived.
	roots  []core.INode
	merged []*graphic.Mesh

	lastView string
}

// NewHallView starts the hall in the canvas with id canvasID. It returns
// ErrNoWebGL2 when the browser cannot render 3D.
func NewHallView(canvasID string, data HallData, opts HallOptions) (*HallView, error) {
	canvas := js.Global().Get("document").Call("getElementById", canvasID)
	vertex, fragment, err := hallShaderSources()
	if err != nil {
		return nil, err
	}
	h := &HallView{data: data, opts: opts, focus: -1}
	h.walker = NewWalker(&h.data.Layout)
	h.walker.Instant = opts.ReducedMotion
	h.targets = h.data.Layout.Targets()
	v, err := NewViewer(canvas, Options{
		Controller: h.walker,
		FOV:        hall.DefaultFOV,
		Background: "#efe9df",
		Lights:     hallLights(),
		OnFrame:    h.frameDone,
		OnLost: func(string) {
			if opts.OnLost != nil {
				opts.OnLost()
			}
		},
		OnKey:       h.key,
		OnTap:       h.tap,
		BeforeFrame: h.beforeFrame,
	})
	if err != nil {
		return nil, err
	}
	h.viewer = v
	v.AddProgram(hallShader, vertex, fragment)
	h.hlMat = highlightMaterial()
	h.SetSigns(data.Signs)
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go h.load(ctx)
	return h, nil
}

// hallLights light the hall as a bright exhibition space: a generous warm
// ambient so that no face goes black, a key light from high above the
// entrance, and a cool fill from the far end.
func hallLights() []core.INode {
	amb := light.NewAmbient(&math32.Color{R: 1, G: 0.98, B: 0.95}, 0.62)
	key := light.NewDirectional(&math32.Color{R: 1, G: 0.97, B: 0.92}, 1.9)
	key.SetPosition(0.35, 1, 0.45)
	fill := light.NewDirectional(&math32.Color{R: 0.86, G: 0.9, B: 1}, 0.65)
	fill.SetPosition(-0.5, 0.55, -0.6)
	return []core.INode{amb, key, fill}
}

func highlightMaterial() *material.Physical {
	m := material.NewPhysical()
	m.SetBaseColorFactor(&math32.Color4{R: 0.75, G: 0.2, B: 0.03, A: 1})
	m.SetEmissiveFactor(&math32.Color{R: 0.85, G: 0.25, B: 0.02})
	m.SetRoughnessFactor(0.5)
	m.SetMetallicFactor(0)
	return m
}

// load fetches the shell, then every stand, each in turn so that the
// nearest stands (listed first) come first, and hands each to the next
// frame. A stand that fails to load is left out; the hall stays usable.
func (h *HallView) load(ctx context.Context) {
	urls := append([]string{h.data.Shell}, h.data.StandModels...)
	for _, u := range urls {
		if u == "" {
			h.loadedOne(nil)
			continue
		}
		n, err := LoadGLB(ctx, u)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			js.Global().Get("console").Call("warn", fmt.Sprintf("showroom: %v", err))
		} else {
			useVertexColors(n)
		}
		h.loadedOne(n)
	}
}

func (h *HallView) loadedOne(n core.INode) {
	h.mu.Lock()
	h.pending = append(h.pending, n)
	h.mu.Unlock()
	h.viewer.Invalidate()
}

// beforeFrame adds what arrived since the last frame.
func (h *HallView) beforeFrame() {
	h.mu.Lock()
	pending := h.pending
	h.pending = nil
	h.mu.Unlock()
	for _, n := range pending {
		h.loaded++
		if n != nil {
			h.viewer.Content().Add(n)
			h.roots = append(h.roots, n)
		}
	}
	total := 1 + len(h.data.StandModels)
	if len(pending) > 0 && h.loaded == total {
		h.merge()
	}
	if len(pending) > 0 && h.opts.OnProgress != nil {
		h.opts.OnProgress(h.loaded, total)
	}
}

// merge swaps the per-file meshes for one mesh per kind of surface.
func (h *HallView) merge() {
	h.merged = mergeKinds(h.roots)
	for _, m := range h.merged {
		h.viewer.Content().Add(m)
	}
	for _, r := range h.roots {
		h.viewer.Content().Remove(r)
		r.Dispose()
	}
	h.roots = nil
}

// frameDone runs after each frame: it passes the stats on and, once the
// camera has settled, describes the view.
func (h *HallView) frameDone(s FrameStats) {
	if h.opts.OnFrame != nil {
		h.opts.OnFrame(s)
	}
	if h.walker.Moving() || h.opts.OnView == nil {
		return
	}
	stand, products := h.data.Layout.InView(h.walker.Pose(), hall.DefaultFOV, float64(h.viewer.Aspect()), viewDistance)
	key := fmt.Sprint(stand, products)
	if key != h.lastView {
		h.lastView = key
		h.opts.OnView(stand, products)
	}
}

// key handles the hall's own keys before the walker: Tab and Shift+Tab
// move the focus through stands and products (and out of the hall at
// either end, so the keyboard is never trapped), Enter opens the focused
// one, Escape goes back.
func (h *HallView) key(key string, shift bool) bool {
	switch key {
	case "Tab":
		// Nothing focused yet is the start of the hall's list: Tab enters
		// it at the first stand, Shift+Tab leaves backwards.
		next := h.focus + 1
		if shift {
			next = h.focus - 1
		}
		if next < 0 || next >= len(h.targets) {
			h.setFocus(-1)
			return false
		}
		h.Focus(next)
		return true
	case "Enter", " ":
		if h.focus < 0 {
			return false
		}
		if h.opts.OnSelect != nil {
			t := h.targets[h.focus]
			h.opts.OnSelect(t.Stand, t.Product)
		}
		return true
	case "Escape":
		if h.opts.OnEscape != nil {
			h.opts.OnEscape()
			return true
		}
	}
	return false
}

// tap picks what is under the pointer: a product or a stand is selected;
// the floor is walked to with a tap of a finger or a double-click of a
// mouse (a single click of a mouse ends a drag too often to mean "go").
func (h *HallView) tap(e PointerEvent, double bool) {
	x, y := e.NDC()
	o, d := h.walker.Pose().Ray(x, y, hall.DefaultFOV, e.Width/e.Height)
	hit := h.data.Layout.Pick(o, d)
	switch hit.Kind {
	case hall.HitProduct, hall.HitStand:
		if i := h.data.Layout.Find(hit.Stand, hit.Product); i >= 0 {
			h.showFocus(i)
		}
		if h.opts.OnSelect != nil {
			h.opts.OnSelect(hit.Stand, hit.Product)
		}
	case hall.HitFloor:
		if e.Kind != "mouse" || double {
			h.walker.WalkTo(hit.Point[0], hit.Point[2])
		}
	}
}

// Focus moves the keyboard focus to Targets()[i] and flies there.
func (h *HallView) Focus(i int) {
	if h == nil || h.viewer == nil || i < 0 || i >= len(h.targets) {
		return
	}
	h.setFocus(i)
	h.walker.FlyTo(h.targets[i].View)
	h.viewer.Invalidate()
}

func (h *HallView) setFocus(i int) {
	h.showFocus(i)
	if h.opts.OnFocus != nil {
		h.opts.OnFocus(i)
	}
}

// showFocus highlights Targets()[i], or nothing for -1.
func (h *HallView) showFocus(i int) {
	h.focus = i
	if h.highlight != nil {
		h.viewer.Content().Remove(h.highlight)
		h.highlight.Dispose()
		h.highlight = nil
	}
	if i >= 0 {
		data := Build(highlightShapes(h.targets[i].Box))
		geom := geometry.NewGeometry()
		geom.SetIndices(math32.ArrayU32(data.Indices))
		geom.AddVBO(gls.NewVBO(math32.ArrayF32(data.Positions)).AddAttrib(gls.VertexPosition))
		geom.AddVBO(gls.NewVBO(math32.ArrayF32(data.Normals)).AddAttrib(gls.VertexNormal))
		// The mesh holds a reference of its own, so disposing it keeps the
		// material for the next highlight.
		h.hlMat.Incref()
		h.highlight = graphic.NewMesh(geom, h.hlMat)
		h.viewer.Content().Add(h.highlight)
	}
	h.viewer.Invalidate()
}

// FlyTo shows a stand (product empty) or a product on it, as a shared link
// or the directory asks; it does nothing for names the hall does not have.
func (h *HallView) FlyTo(stand, product string) {
	if h == nil || h.viewer == nil {
		return
	}
	if i := h.data.Layout.Find(stand, product); i >= 0 {
		h.showFocus(i)
		h.walker.FlyTo(h.targets[i].View)
		h.viewer.Invalidate()
	}
}

// Home flies back to the entrance.
func (h *HallView) Home() {
	if h == nil || h.viewer == nil {
		return
	}
	h.showFocus(-1)
	h.walker.FlyTo(h.data.Layout.Start)
	h.viewer.Invalidate()
}

// SetSigns writes the stands' names on their signs (in the order of the
// layout's stands), as the language changes.
func (h *HallView) SetSigns(names []string) {
	if h == nil || h.viewer == nil {
		return
	}
	h.data.Signs = names
	img := drawSigns(names)
	if img == nil {
		return
	}
	if h.signs == nil {
		h.signTex = texture.NewTexture2DFromRGBA(img)
		h.signs = graphic.NewMesh(signGeometry(h.data.Layout), signMaterial(h.signTex))
		h.viewer.Content().Add(h.signs)
	} else {
		h.signTex.SetFromRGBA(img)
	}
	h.viewer.Invalidate()
}

// signGeometry is one quad per stand's sign, each mapped to its row of the
// sign texture.
func signGeometry(l hall.Layout) *geometry.Geometry {
	var pos, nrm, uv []float32
	var idx []uint32
	rows := float32(len(l.Stands))
	for i, st := range l.Stands {
		c := signCorners(st.Sign)
		n := st.Sign.Normal
		v0, v1 := float32(i)/rows, float32(i+1)/rows
		uvs := [4][2]float32{{0, v1}, {1, v1}, {1, v0}, {0, v0}}
		base := uint32(len(pos) / 3)
		for k := 0; k < 4; k++ {
			pos = append(pos, c[k].X, c[k].Y, c[k].Z)
			nrm = append(nrm, float32(n[0]), float32(n[1]), float32(n[2]))
			uv = append(uv, uvs[k][0], uvs[k][1])
		}
		idx = append(idx, base, base+1, base+2, base, base+2, base+3)
	}
	g := geometry.NewGeometry()
	g.SetIndices(math32.ArrayU32(idx))
	g.AddVBO(gls.NewVBO(math32.ArrayF32(pos)).AddAttrib(gls.VertexPosition))
	g.AddVBO(gls.NewVBO(math32.ArrayF32(nrm)).AddAttrib(gls.VertexNormal))
	g.AddVBO(gls.NewVBO(math32.ArrayF32(uv)).AddAttrib(gls.VertexTexcoord))
	return g
}

// signMaterial shows the sign texture lit from within, as a backlit
// panel: legible whatever the hall's light.
func signMaterial(tex *texture.Texture2D) *material.Physical {
	m := material.NewPhysical()
	m.SetBaseColorMap(tex)
	m.SetEmissiveMap(tex)
	m.SetBaseColorFactor(&math32.Color4{R: 0.25, G: 0.25, B: 0.25, A: 1})
	m.SetEmissiveFactor(&math32.Color{R: 0.9, G: 0.9, B: 0.9})
	m.SetRoughnessFactor(0.9)
	m.SetMetallicFactor(0)
	return m
}

// drawSigns writes every name in its row of a texture with the browser's
// 2D canvas, which has the fonts for every language the store sells in
// (Chinese included), shrinking long names to fit. It returns nil when
// there is no document (tests under Node).
func drawSigns(names []string) *image.RGBA {
	doc := js.Global().Get("document")
	if !doc.Truthy() || len(names) == 0 {
		return nil
	}
	w, rowH := signAtlasWidth, signAtlasRow
	c := doc.Call("createElement", "canvas")
	c.Set("width", w)
	c.Set("height", rowH*len(names))
	g := c.Call("getContext", "2d")
	for i, name := range names {
		y := float64(i * rowH)
		g.Set("fillStyle", "#27303a")
		g.Call("fillRect", 0, y, w, rowH)
		g.Set("fillStyle", "#d9a35b")
		g.Call("fillRect", 0, y+float64(rowH)-14, w, 14)
		g.Set("fillStyle", "#fbf7f0")
		g.Set("textAlign", "center")
		g.Set("textBaseline", "middle")
		size := 104
		for ; size > 40; size -= 4 {
			g.Set("font", fmt.Sprintf("600 %dpx system-ui, 'Noto Sans', 'Noto Sans CJK SC', sans-serif", size))
			if g.Call("measureText", name).Get("width").Float() <= float64(w)-80 {
				break
			}
		}
		g.Call("fillText", name, w/2, y+float64(rowH)/2-4)
	}
	data := g.Call("getImageData", 0, 0, w, rowH*len(names)).Get("data")
	img := image.NewRGBA(image.Rect(0, 0, w, rowH*len(names)))
	js.CopyBytesToGo(img.Pix, js.Global().Get("Uint8Array").New(data.Get("buffer")))
	return img
}

// Dispose stops loading, stops the hall and frees its GPU resources.
func (h *HallView) Dispose() {
	if h == nil || h.viewer == nil {
		return
	}
	h.cancel()
	h.viewer.Dispose()
	h.viewer = nil
}
