package catalog

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// ModelFile is a merchant's own 3D model (GLB) of a product, which replaces
// the generated one in the showroom and on the product page.
type ModelFile struct {
	Product string `json:"product"`
	// SHA256 is the hex digest of the bytes. It is part of the file's URL,
	// so a new upload gets a new URL and browsers may keep each one forever.
	SHA256  string    `json:"sha256"`
	Size    int64     `json:"size"`
	Created time.Time `json:"created"`
}

// ModelMediaPrefix is where merchants' models are served.
const ModelMediaPrefix = "/media/models/"

// modelHashLen is how much of the digest goes into the URL: 48 bits tell a
// product's successive uploads apart with room to spare.
const modelHashLen = 12

// NewModelFile describes data as product's model, created at now.
func NewModelFile(product string, data []byte, now time.Time) ModelFile {
	sum := sha256.Sum256(data)
	return ModelFile{Product: product, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data)), Created: now.UTC()}
}

// Path is the URL path the file is served at, the value of the product's
// Model: /media/models/<product>-<first 12 hex digits of SHA256>.glb.
func (m ModelFile) Path() string {
	return ModelMediaPrefix + m.Product + "-" + m.SHA256[:modelHashLen] + ".glb"
}

// Validate reports the first problem with m as an EINVALID *Error.
func (m *ModelFile) Validate() error {
	_, err := hex.DecodeString(m.SHA256)
	switch {
	case !ValidSlug(m.Product):
		return Errorf(EINVALID, "product slug %q is not valid", m.Product)
	case len(m.SHA256) != 64 || err != nil || strings.ToLower(m.SHA256) != m.SHA256:
		return Errorf(EINVALID, "model of %s: %q is not a SHA-256 digest in lowercase hex", m.Product, m.SHA256)
	case m.Size <= 0:
		return Errorf(EINVALID, "model of %s is empty", m.Product)
	}
	return nil
}

// ParseModelPath returns the product and the digest prefix a merchant's
// model path names, and false for anything that is not such a path. It
// accepts a bare file name ("sofa-0123456789ab.glb") too.
func ParseModelPath(path string) (product, hash string, ok bool) {
	name := strings.TrimPrefix(path, ModelMediaPrefix)
	name, found := strings.CutSuffix(name, ".glb")
	if !found || len(name) < modelHashLen+2 || name[len(name)-modelHashLen-1] != '-' {
		return "", "", false
	}
	product, hash = name[:len(name)-modelHashLen-1], name[len(name)-modelHashLen:]
	for _, c := range hash {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return "", "", false
		}
	}
	if !ValidSlug(product) {
		return "", "", false
	}
	return product, hash, true
}

// ModelStore keeps merchants' own models. Checking that the bytes are a
// model the showroom can show (assets/gen.Inspect) is the caller's job: the
// store keeps what it is given.
type ModelStore interface {
	// PutModel stores data as the product's model, replacing any earlier
	// one, and in the same transaction points the product's Model at the
	// new file's Path, so the catalog never names a file that is not there.
	// Returns ENOTFOUND if no product has that slug and EINVALID if data is
	// empty.
	PutModel(ctx context.Context, product string, data []byte) (*ModelFile, error)
	// ModelData returns the product's model and its bytes. Returns
	// ENOTFOUND if the product has no model of its own.
	ModelData(ctx context.Context, product string) (*ModelFile, []byte, error)
	// Models returns every stored model (without bytes), ordered by product.
	Models(ctx context.Context) ([]ModelFile, error)
	// RemoveModel deletes the product's own model and, in the same
	// transaction, sets the product's Model to fallback (the generated
	// model's path, or ""). Returns ENOTFOUND if no product has that slug
	// or it has no model of its own.
	RemoveModel(ctx context.Context, product, fallback string) error
}
