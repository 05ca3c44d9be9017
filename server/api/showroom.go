package api

import (
	"context"

	"vitrine/showroom/hall"
)

// ShowroomResponse is the body of GET /api/v1/showroom: the planned hall
// and what to load to draw it. Stands and StandModels are in the order of
// Layout.Stands.
type ShowroomResponse struct {
	Layout hall.Layout `json:"layout"`
	// Stands are the stands' categories (their names go on the signs) and
	// products (for the directory and the product panel).
	Stands []Stand `json:"stands"`
	// Shell is the URL of the GLB of everything that does not move: the
	// floor, walls and ceiling, the stands' platforms, back walls and
	// pedestals, and the soft shadows under the products.
	Shell string `json:"shell"`
	// StandModels are the URLs of each stand's products as one GLB,
	// already placed in the hall, one mesh per kind of surface (matte,
	// satin, metal) with the colours in the vertices, so a whole stand
	// costs at most three draw calls.
	StandModels []string `json:"standModels"`
}

// Showroom returns the planned hall.
func (c *Client) Showroom(ctx context.Context) (*ShowroomResponse, error) {
	var r ShowroomResponse
	if err := c.get(ctx, Prefix+"/showroom", &r); err != nil {
		return nil, err
	}
	return &r, nil
}
