package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"strings"

	"vitrine/assets/gen"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
	"vitrine/showroom/hall"
)

// The walkable showroom (GET /api/v1/showroom): the hall is planned from
// the catalog and from the bounds of each product's model on every request,
// which is cheap, so that a model imported by `vitrine models import` (in
// another process, through the database) shows on the next load without a
// restart. What is expensive, baking the shell and the stands into GLBs, is
// done when a browser first asks for them and kept in memory under a hash
// of everything the bytes depend on. That hash is also in their URLs, so
// browsers may keep each file forever: a change anywhere gives new URLs.

// Cache sizes. A hall is a shell and one file per stand, so this keeps the
// current hall and a few earlier ones (visitors still on the old page)
// while an import changes it; every model's bounds are tiny.
const (
	maxBakes       = 32
	maxBakeBytes   = 256 << 20 // a stand of merchants' detailed models can bake to tens of MB
	maxModelInfos  = 4096
	immutableCache = "public, max-age=31536000, immutable"
	gltfBinaryType = "model/gltf-binary"
)

// showroomState is the server's showroom caches.
type showroomState struct {
	models *memo[modelInfo]
	bakes  *memo[*precompressed]
}

// Bakes are kept under their kind (and stand) and hash, the same names
// the URLs carry, so a request for a URL the showroom handed out is
// answered from memory without planning the hall again.
func shellBakeKey(hash string) string       { return "shell/" + hash }
func standBakeKey(slug, hash string) string { return "stand/" + slug + "/" + hash }

func newShowroomState() *showroomState {
	return &showroomState{
		models: newMemo[modelInfo](maxModelInfos, 0, nil),
		bakes:  newMemo(maxBakes, maxBakeBytes, func(f *precompressed) int64 { return int64(len(f.raw) + len(f.gz)) }),
	}
}

// modelInfo is what the hall needs of one product's model.
type modelInfo struct {
	// Path is the product's Model.
	Path string
	// ID names the model's bytes (its SHA-256), so that what is baked from
	// it is cached under it; for a model that cannot be used it names the
	// problem, so fixing it changes the hall's hashes too.
	ID string
	// OK is false when the product is planned with the default box and left
	// out of its stand's GLB.
	OK     bool
	Bounds hall.Box
}

// hallPlan is the showroom as the catalog is now.
type hallPlan struct {
	stands    []api.Stand
	layout    hall.Layout
	models    map[string]modelInfo // by product
	shellKey  string
	standKeys []string
}

// catalogStands returns every category with its products, in hall order.
func (s *Server) catalogStands(ctx context.Context) ([]api.Stand, error) {
	cs, err := s.cfg.Catalog.Categories(ctx)
	if err != nil {
		return nil, err
	}
	ps, err := s.cfg.Catalog.Products(ctx, catalog.ProductFilter{})
	if err != nil {
		return nil, err
	}
	byCat := map[string][]catalog.Product{}
	for _, p := range ps {
		byCat[p.Category] = append(byCat[p.Category], p)
	}
	stands := make([]api.Stand, 0, len(cs))
	for _, c := range cs {
		prods := byCat[c.Slug]
		if prods == nil {
			prods = []catalog.Product{}
		}
		stands = append(stands, api.Stand{Category: c, Products: prods})
	}
	return stands, nil
}

// planHall plans the hall from the catalog as it is now.
func (s *Server) planHall(ctx context.Context) (*hallPlan, error) {
	stands, err := s.catalogStands(ctx)
	if err != nil {
		return nil, err
	}
	p := &hallPlan{stands: stands, models: map[string]modelInfo{}}
	in := make([]hall.StandInput, len(stands))
	for i, st := range stands {
		in[i].Slug = st.Category.Slug
		for _, pr := range st.Products {
			m, err := s.modelInfo(ctx, pr)
			if err != nil {
				return nil, err
			}
			p.models[pr.Slug] = m
			in[i].Products = append(in[i].Products, hall.ProductInput{Slug: pr.Slug, Bounds: m.Bounds})
		}
	}
	p.layout = hall.Plan(in)
	layout, err := json.Marshal(p.layout)
	if err != nil {
		return nil, fmt.Errorf("hash the layout: %w", err)
	}
	// The shell is drawn from the layout alone; a stand from its slots and
	// the bytes of its products' models.
	p.shellKey = hashKey("shell", layout)
	for _, st := range p.layout.Stands {
		slots, err := json.Marshal(st.Slots)
		if err != nil {
			return nil, fmt.Errorf("hash stand %s: %w", st.Slug, err)
		}
		parts := [][]byte{[]byte(st.Slug), slots}
		for _, sl := range st.Slots {
			parts = append(parts, []byte(sl.Product+"="+p.models[sl.Product].ID))
		}
		p.standKeys = append(p.standKeys, hashKey("stand", parts...))
	}
	return p, nil
}

// hashKey hashes the parts of what a baked file depends on, with the
// baker's version, into the short hex string used in its URL and ETag.
func hashKey(kind string, parts ...[]byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00", kind, gen.BakeVersion)
	for _, p := range parts {
		fmt.Fprintf(h, "%d\x00", len(p))
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// modelInfo returns the bounds and identity of a product's model, computed
// once per model file. A product without a usable model is planned with
// gen.DefaultProductBounds, and the problem is logged when first found.
// Only a failure to reach the database is an error.
func (s *Server) modelInfo(ctx context.Context, p catalog.Product) (modelInfo, error) {
	key := p.Model
	if key == "" {
		key = "none:" + p.Slug // logged once per product, not once for all
	}
	return s.showroom.models.get(ctx, key, func(ctx context.Context) (modelInfo, error) {
		info := modelInfo{Path: p.Model, Bounds: gen.DefaultProductBounds}
		data, err := s.modelBytes(ctx, p.Model)
		if err != nil && catalog.ErrorCode(err) == catalog.EINTERNAL {
			return info, err
		}
		if err == nil {
			var in hall.ProductInput
			if in, err = gen.PlanInput(p.Slug, data); err == nil {
				sum := sha256.Sum256(data)
				info.ID, info.OK, info.Bounds = hex.EncodeToString(sum[:]), true, in.Bounds
				return info, nil
			}
		}
		info.ID = "unusable:" + catalog.ErrorMessage(err)
		s.log.Warn("showroom: product shown with a placeholder box", "product", p.Slug, "model", p.Model, "problem", catalog.ErrorMessage(err))
		return info, nil
	})
}

// modelBytes loads a model by its path: a generated one from the embedded
// web files, a merchant's from the model store. Returns ENOTFOUND when the
// path names no model (or an older upload than the one stored), EINVALID for
// a path that is neither, and any other error when the store failed.
func (s *Server) modelBytes(ctx context.Context, path string) ([]byte, error) {
	switch {
	case path == "":
		return nil, &catalog.Error{Code: catalog.ENOTFOUND, Message: "The product has no 3D model."}
	case strings.HasPrefix(path, "/web/"):
		data, err := fs.ReadFile(s.cfg.Web, strings.TrimPrefix(path, "/web/"))
		if errors.Is(err, fs.ErrNotExist) {
			return nil, catalog.Errorf(catalog.ENOTFOUND, "The model file %s does not exist.", path)
		} else if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		return data, nil
	case strings.HasPrefix(path, catalog.ModelMediaPrefix):
		product, hash, ok := catalog.ParseModelPath(path)
		if !ok || s.cfg.Models == nil {
			return nil, catalog.Errorf(catalog.ENOTFOUND, "The model file %s does not exist.", path)
		}
		m, data, err := s.cfg.Models.ModelData(ctx, product)
		if err != nil {
			return nil, err
		}
		if !strings.HasPrefix(m.SHA256, hash) {
			return nil, catalog.Errorf(catalog.ENOTFOUND, "The model file %s has been replaced.", path)
		}
		return data, nil
	}
	return nil, catalog.Errorf(catalog.EINVALID, "The model path %q is neither a generated model (/web/) nor an imported one (%s).", path, catalog.ModelMediaPrefix)
}

// newBakedFile keeps a baked GLB raw and gzipped (gz stays nil when gzip
// would not be smaller).
func newBakedFile(raw []byte) (*precompressed, error) {
	f := &precompressed{raw: raw}
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	zw.Write(raw)
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if b.Len() < len(raw) {
		f.gz = b.Bytes()
	}
	return f, nil
}

func (s *Server) showroomRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET "+api.Prefix+"/showroom", s.getShowroom)
	mux.HandleFunc("GET "+api.Prefix+"/showroom/shell.glb", s.getShell)
	mux.HandleFunc("GET "+api.Prefix+"/showroom/stands/{file}", s.getStandModel)
}

func (s *Server) getShowroom(w http.ResponseWriter, r *http.Request) {
	p, err := s.planHall(r.Context())
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	resp := api.ShowroomResponse{
		Layout:      p.layout,
		Stands:      p.stands,
		Shell:       api.Prefix + "/showroom/shell.glb?v=" + p.shellKey,
		StandModels: make([]string, len(p.layout.Stands)),
	}
	for i, st := range p.layout.Stands {
		resp.StandModels[i] = api.Prefix + "/showroom/stands/" + st.Slug + ".glb?v=" + p.standKeys[i]
	}
	writeJSON(w, http.StatusOK, resp)
}

func (s *Server) getShell(w http.ResponseWriter, r *http.Request) {
	if v := r.URL.Query().Get("v"); v != "" {
		if f, ok := s.showroom.bakes.peek(shellBakeKey(v)); ok {
			serveBaked(w, r, v, f)
			return
		}
	}
	p, err := s.planHall(r.Context())
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	f, err := s.showroom.bakes.get(r.Context(), shellBakeKey(p.shellKey), func(context.Context) (*precompressed, error) {
		glb, err := gen.BakeShell(p.layout)
		if err != nil {
			return nil, err
		}
		return newBakedFile(glb)
	})
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	serveBaked(w, r, p.shellKey, f)
}

func (s *Server) getStandModel(w http.ResponseWriter, r *http.Request) {
	slug, ok := strings.CutSuffix(r.PathValue("file"), ".glb")
	if !ok || !catalog.ValidSlug(slug) {
		writeError(w, r, s.log, &catalog.Error{Code: catalog.ENOTFOUND, Key: "showroom.stand_not_found", Message: "There is no such stand."})
		return
	}
	if v := r.URL.Query().Get("v"); v != "" {
		if f, ok := s.showroom.bakes.peek(standBakeKey(slug, v)); ok {
			serveBaked(w, r, v, f)
			return
		}
	}
	p, err := s.planHall(r.Context())
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	i := -1
	for j, st := range p.layout.Stands {
		if st.Slug == slug {
			i = j
		}
	}
	if i < 0 {
		writeError(w, r, s.log, &catalog.Error{Code: catalog.ENOTFOUND, Key: "showroom.stand_not_found", Message: "There is no such stand."})
		return
	}
	st, key := p.layout.Stands[i], p.standKeys[i]
	f, err := s.showroom.bakes.get(r.Context(), standBakeKey(slug, key), func(ctx context.Context) (*precompressed, error) {
		return s.bakeStand(ctx, p, st)
	})
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	serveBaked(w, r, key, f)
}

// bakeStand bakes one stand with the models it was planned with.
func (s *Server) bakeStand(ctx context.Context, p *hallPlan, st hall.Stand) (*precompressed, error) {
	models := map[string][]byte{}
	var slots []hall.Slot
	for _, sl := range st.Slots {
		m := p.models[sl.Product]
		if !m.OK {
			continue // reported when it was planned
		}
		data, err := s.modelBytes(ctx, m.Path)
		if catalog.ErrorCode(err) == catalog.ENOTFOUND {
			// Replaced between planning and baking: these bytes would not
			// be the ones the key names.
			return nil, &catalog.Error{Code: catalog.ECONFLICT, Key: "showroom.changed", Message: "The showroom changed while this stand was prepared; reload it."}
		} else if err != nil {
			return nil, err
		}
		models[sl.Product] = data
		slots = append(slots, sl)
	}
	glb, skipped, err := gen.BakeStand(slots, models)
	if err != nil {
		return nil, fmt.Errorf("bake stand %s: %w", st.Slug, err)
	}
	for _, e := range skipped {
		s.log.Warn("showroom: product left out of its stand", "stand", st.Slug, "problem", e)
	}
	return newBakedFile(glb)
}

// serveBaked answers with a baked GLB, named by the hash of what it was
// baked from. It may be cached forever when the request names that hash
// in ?v, which is how the showroom response links it; any other request
// must revalidate.
func serveBaked(w http.ResponseWriter, r *http.Request, key string, f *precompressed) {
	cache := "no-cache"
	if r.URL.Query().Get("v") == key {
		cache = immutableCache
	}
	f.serve(w, r, gltfBinaryType, key, cache)
}

// getMediaModel serves a merchant's model, GET /media/models/<product>-<hash>.glb.
// The name carries the file's digest, so it never changes and is cached
// forever. It is served as stored, without gzip: merchants' files are mostly
// compressed textures, and compressing up to 25 MB per request would cost
// more than it saves.
func (s *Server) getMediaModel(w http.ResponseWriter, r *http.Request) {
	notFound := &catalog.Error{Code: catalog.ENOTFOUND, Key: "models.err.not_found", Message: "There is no such model."}
	product, hash, ok := catalog.ParseModelPath(r.PathValue("file"))
	if !ok || s.cfg.Models == nil {
		writeError(w, r, s.log, notFound)
		return
	}
	m, data, err := s.cfg.Models.ModelData(r.Context(), product)
	if catalog.ErrorCode(err) == catalog.ENOTFOUND || err == nil && !strings.HasPrefix(m.SHA256, hash) {
		writeError(w, r, s.log, notFound)
		return
	} else if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", gltfBinaryType)
	h.Set("Cache-Control", immutableCache)
	h.Set("ETag", `"`+m.SHA256+`"`)
	// ServeContent answers If-None-Match with 304 and byte ranges with 206.
	http.ServeContent(w, r, "", m.Created, bytes.NewReader(data))
}
