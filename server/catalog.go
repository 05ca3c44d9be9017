package server

import (
	"net/http"

	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// apiRoutes returns the API's mux. Unknown API paths answer with the JSON
// envelope (404) and known paths with a wrong method with 405, never with
// the app's HTML.
func (s *Server) apiRoutes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+api.Prefix+"/categories", s.listCategories)
	mux.HandleFunc("GET "+api.Prefix+"/products", s.listProducts)
	mux.HandleFunc("GET "+api.Prefix+"/products/{slug}", s.getProduct)
	mux.HandleFunc("GET "+api.Prefix+"/stands", s.listStands)
	s.showroomRoutes(mux)
	s.orderRoutes(mux)
	s.returnRoutes(mux)
	s.helpRoutes(mux)
	s.staffRoutes(mux)
	s.configureRoutes(mux)
	return jsonNotFound(mux, s)
}

func (s *Server) listCategories(w http.ResponseWriter, r *http.Request) {
	cs, err := s.cfg.Catalog.Categories(r.Context())
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	writeJSON(w, http.StatusOK, api.CategoriesResponse{Categories: cs})
}

func (s *Server) listProducts(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := catalog.ProductFilter{Category: q.Get("category"), Query: q.Get("q"), Featured: q.Get("featured") == "true"}
	if len(f.Query) > 200 {
		writeError(w, r, s.log, catalog.Errorf(catalog.EINVALID, "The search is too long (at most 200 characters)."))
		return
	}
	ps, err := s.cfg.Catalog.Products(r.Context(), f)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	// Lists show cards; the hotspots' texts in four languages, more than
	// half of a list's bytes, are for the product's own page.
	for i := range ps {
		ps[i].Hotspots = nil
	}
	writeJSON(w, http.StatusOK, api.ProductsResponse{Products: ps})
}

func (s *Server) getProduct(w http.ResponseWriter, r *http.Request) {
	p, err := s.cfg.Catalog.Product(r.Context(), r.PathValue("slug"))
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	writeJSON(w, http.StatusOK, api.ProductResponse{Product: *p})
}

func (s *Server) listStands(w http.ResponseWriter, r *http.Request) {
	stands, err := s.catalogStands(r.Context())
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	writeJSON(w, http.StatusOK, api.StandsResponse{Stands: stands})
}
