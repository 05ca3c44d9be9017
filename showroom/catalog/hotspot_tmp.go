package catalog

// TEMPORARY until the hotspots branch lands (it defines these in catalog.go).

// Hotspot is a point of a product's model that explains a feature.
type Hotspot struct {
	ID       string     `json:"id"`
	Position [3]float64 `json:"position"`
	Title    Text       `json:"title"`
	Text     Text       `json:"text"`
}
