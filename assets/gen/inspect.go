package gen

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"math"
	"strings"

	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"

	"vitrine/showroom/catalog"
)

// MaxModelBytes is the default size limit for a merchant's own GLB: large
// enough for a detailed product with textures, small enough that one file
// cannot stall the hall on a phone.
const MaxModelBytes int64 = 25 << 20

// Bounds is the axis-aligned box around a model's geometry in its own
// units, after applying every node transform of its scene.
type Bounds struct {
	Min, Max [3]float64
}

// Size returns the extent of the box along x, y and z.
func (b Bounds) Size() [3]float64 {
	return [3]float64{b.Max[0] - b.Min[0], b.Max[1] - b.Min[1], b.Max[2] - b.Min[2]}
}

// Fit returns the uniform scale and the translation that place the model in
// a stand slot of the given size (metres, x y z): as large as fits, centred
// in x and z, standing on the floor (y = 0). Apply as p' = scale·p +
// translation. Merchants export in centimetres or millimetres as often as
// in metres, so the scale goes up as well as down.
func (b Bounds) Fit(slot [3]float64) (scale float64, translation [3]float64) {
	size := b.Size()
	scale = math.Inf(1)
	for k := 0; k < 3; k++ {
		if size[k] > 0 && slot[k] > 0 {
			scale = math.Min(scale, slot[k]/size[k])
		}
	}
	if math.IsInf(scale, 1) {
		scale = 1
	}
	translation = [3]float64{
		-scale * (b.Min[0] + b.Max[0]) / 2,
		-scale * b.Min[1],
		-scale * (b.Min[2] + b.Max[2]) / 2,
	}
	return scale, translation
}

// invalid builds the EINVALID error a merchant sees for a bad model file.
func invalid(key, format string, args ...any) error {
	return &catalog.Error{Code: catalog.EINVALID, Field: "model", Key: key, Message: fmt.Sprintf(format, args...)}
}

// Inspect checks that glb is a self-contained glTF 2.0 binary the showroom
// can display and returns the bounds of its default scene. maxBytes <= 0
// means MaxModelBytes.
//
// Returns ETOOLARGE if glb is longer than maxBytes, and EINVALID if it is
// not a GLB, is truncated or damaged, is not glTF 2.0, requires an
// extension, refers to an external file, or has no geometry. A malformed
// file never panics: whatever the decoder trips on becomes EINVALID.
func Inspect(glb []byte, maxBytes int64) (b Bounds, err error) {
	defer func() {
		if r := recover(); r != nil {
			b, err = Bounds{}, invalid("models.err.damaged", "The model file is damaged and cannot be read.")
		}
	}()
	doc, err := decodeModel(glb, maxBytes)
	if err != nil {
		return Bounds{}, err
	}

	w := boundsWalker{doc: doc, lo: [3]float64{math.Inf(1), math.Inf(1), math.Inf(1)}, hi: [3]float64{math.Inf(-1), math.Inf(-1), math.Inf(-1)}}
	if err := w.scene(); err != nil {
		return Bounds{}, err
	}
	if w.points == 0 {
		return Bounds{}, invalid("models.err.empty", "The model has no visible geometry.")
	}
	for k := 0; k < 3; k++ {
		if math.IsNaN(w.lo[k]) || math.IsInf(w.lo[k], 0) || math.IsNaN(w.hi[k]) || math.IsInf(w.hi[k], 0) {
			return Bounds{}, invalid("models.err.damaged", "The model has invalid coordinates.")
		}
	}
	return Bounds{Min: w.lo, Max: w.hi}, nil
}

// decodeModel checks glb as Inspect does, up to its geometry, and returns
// the decoded document with every buffer's bytes in memory. The baker reads
// merchants' models through it too, so a file the showroom refused to frame
// is never baked either. It may panic on a malformed file: callers recover.
func decodeModel(glb []byte, maxBytes int64) (*gltf.Document, error) {
	if maxBytes <= 0 {
		maxBytes = MaxModelBytes
	}
	if int64(len(glb)) > maxBytes {
		return nil, &catalog.Error{Code: catalog.ETOOLARGE, Field: "model", Key: "models.err.too_large",
			Message: fmt.Sprintf("The model is %.1f MB; the limit is %.0f MB.", float64(len(glb))/(1<<20), float64(maxBytes)/(1<<20))}
	}
	if len(glb) < 12 || string(glb[:4]) != "glTF" {
		if t := bytes.TrimSpace(glb); len(t) > 0 && t[0] == '{' {
			return nil, invalid("models.err.not_glb", "The file is glTF text (.gltf); export it as a binary .glb with embedded textures.")
		}
		return nil, invalid("models.err.not_glb", "The file is not a GLB model (glTF binary).")
	}
	if v := binary.LittleEndian.Uint32(glb[4:8]); v != 2 {
		return nil, invalid("models.err.version", "The model is glTF version %d; only glTF 2.0 is supported.", v)
	}
	if n := binary.LittleEndian.Uint32(glb[8:12]); int64(n) > int64(len(glb)) {
		return nil, invalid("models.err.truncated", "The model file is truncated: it declares %d bytes but has %d.", n, len(glb))
	} else if int64(n) < int64(len(glb)) {
		return nil, invalid("models.err.damaged", "The model file is damaged: it declares %d bytes but has %d.", n, len(glb))
	}
	doc := new(gltf.Document)
	if err := gltf.NewDecoder(bytes.NewReader(glb)).Decode(doc); err != nil {
		return nil, invalid("models.err.damaged", "The model file is damaged and cannot be read (%v).", err)
	}
	if !strings.HasPrefix(doc.Asset.Version, "2.") {
		return nil, invalid("models.err.version", "The model is glTF %q; only glTF 2.0 is supported.", doc.Asset.Version)
	}
	if len(doc.ExtensionsRequired) > 0 {
		return nil, invalid("models.err.extension", "The model requires the extension %s, which the showroom cannot display; export it without compression or extensions.", doc.ExtensionsRequired[0])
	}
	for i, buf := range doc.Buffers {
		if err := embedBuffer(buf); err != nil {
			return nil, invalid("models.err.external_uri", "Buffer %d %v; embed all data in the GLB.", i, err)
		}
	}
	for i, im := range doc.Images {
		if im.BufferView == nil && !strings.HasPrefix(im.URI, "data:") {
			return nil, invalid("models.err.external_uri", "Texture image %d refers to the external file %q; embed textures in the GLB.", i, im.URI)
		}
	}
	return doc, nil
}

// embedBuffer makes sure a buffer's bytes came from inside the file: the
// GLB binary chunk or a base64 data: URI. Anything else is an external file
// the browser could not load.
func embedBuffer(buf *gltf.Buffer) error {
	switch {
	case buf.URI == "":
		if len(buf.Data) < buf.ByteLength {
			return fmt.Errorf("is shorter than declared")
		}
		return nil
	case strings.HasPrefix(buf.URI, "data:"):
		if len(buf.Data) > 0 {
			return nil
		}
		comma := strings.IndexByte(buf.URI, ',')
		if comma < 0 || !strings.HasSuffix(buf.URI[:comma], ";base64") {
			return fmt.Errorf("has a data URI that is not base64")
		}
		data, err := base64.StdEncoding.DecodeString(buf.URI[comma+1:])
		if err != nil {
			return fmt.Errorf("has a damaged data URI")
		}
		buf.Data = data
		return nil
	default:
		return fmt.Errorf("refers to the external file %q", buf.URI)
	}
}

// boundsWalker accumulates the transformed positions of every mesh reached
// from the scene's root nodes.
type boundsWalker struct {
	doc    *gltf.Document
	lo, hi [3]float64
	points int
}

func (w *boundsWalker) scene() error { return walkScene(w.doc, w.mesh) }

// walkScene calls visit for every mesh reached from the default scene's
// root nodes (or, without scenes, from every node that is nobody's child),
// with the mesh's node-to-model matrix.
func walkScene(doc *gltf.Document, visit func(mesh int, m mat4) error) error {
	var roots []int
	switch {
	case len(doc.Scenes) == 0:
		// No scene: every node that is nobody's child is a root.
		child := make([]bool, len(doc.Nodes))
		for _, n := range doc.Nodes {
			for _, c := range n.Children {
				if c >= 0 && c < len(child) {
					child[c] = true
				}
			}
		}
		for i := range doc.Nodes {
			if !child[i] {
				roots = append(roots, i)
			}
		}
	default:
		s := 0
		if doc.Scene != nil {
			s = *doc.Scene
		}
		if s < 0 || s >= len(doc.Scenes) {
			return invalid("models.err.damaged", "The model's default scene %d does not exist.", s)
		}
		roots = doc.Scenes[s].Nodes
	}
	for _, r := range roots {
		if err := walkNode(doc, r, mat4Identity, 0, visit); err != nil {
			return err
		}
	}
	return nil
}

// mat4 is a column-major 4×4 matrix, as glTF stores them.
type mat4 [16]float64

var mat4Identity = mat4{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}

func (a mat4) mul(b mat4) mat4 {
	var r mat4
	for c := 0; c < 4; c++ {
		for row := 0; row < 4; row++ {
			var s float64
			for k := 0; k < 4; k++ {
				s += a[k*4+row] * b[c*4+k]
			}
			r[c*4+row] = s
		}
	}
	return r
}

func (a mat4) point(p [3]float32) [3]float64 {
	x, y, z := float64(p[0]), float64(p[1]), float64(p[2])
	return [3]float64{
		a[0]*x + a[4]*y + a[8]*z + a[12],
		a[1]*x + a[5]*y + a[9]*z + a[13],
		a[2]*x + a[6]*y + a[10]*z + a[14],
	}
}

// localMatrix is a node's matrix, or its translation·rotation·scale.
func localMatrix(n *gltf.Node) mat4 {
	if m := n.MatrixOrDefault(); m != gltf.DefaultMatrix {
		return mat4(m)
	}
	t, q, s := n.TranslationOrDefault(), n.RotationOrDefault(), n.ScaleOrDefault()
	x, y, z, qw := q[0], q[1], q[2], q[3]
	r := mat4{
		1 - 2*(y*y+z*z), 2 * (x*y + z*qw), 2 * (x*z - y*qw), 0,
		2 * (x*y - z*qw), 1 - 2*(x*x+z*z), 2 * (y*z + x*qw), 0,
		2 * (x*z + y*qw), 2 * (y*z - x*qw), 1 - 2*(x*x+y*y), 0,
		0, 0, 0, 1,
	}
	for c := 0; c < 3; c++ {
		for row := 0; row < 3; row++ {
			r[c*4+row] *= s[c]
		}
	}
	r[12], r[13], r[14] = t[0], t[1], t[2]
	return r
}

// maxDepth bounds the node hierarchy, which also stops a file whose nodes
// are their own ancestors from recursing forever.
const maxDepth = 64

func walkNode(doc *gltf.Document, i int, parent mat4, depth int, visit func(mesh int, m mat4) error) error {
	if depth > maxDepth {
		return invalid("models.err.damaged", "The model's node hierarchy is deeper than %d levels or loops.", maxDepth)
	}
	if i < 0 || i >= len(doc.Nodes) {
		return invalid("models.err.damaged", "The model refers to node %d, which does not exist.", i)
	}
	n := doc.Nodes[i]
	m := parent.mul(localMatrix(n))
	if n.Mesh != nil {
		if err := visit(*n.Mesh, m); err != nil {
			return err
		}
	}
	for _, c := range n.Children {
		if err := walkNode(doc, c, m, depth+1, visit); err != nil {
			return err
		}
	}
	return nil
}

func (w *boundsWalker) mesh(i int, m mat4) error {
	if i < 0 || i >= len(w.doc.Meshes) {
		return invalid("models.err.damaged", "The model refers to mesh %d, which does not exist.", i)
	}
	for _, p := range w.doc.Meshes[i].Primitives {
		ai, ok := p.Attributes[gltf.POSITION]
		if !ok {
			continue
		}
		if ai < 0 || ai >= len(w.doc.Accessors) {
			return invalid("models.err.damaged", "The model refers to accessor %d, which does not exist.", ai)
		}
		acc := w.doc.Accessors[ai]
		if err := w.checkAccessor(acc); err != nil {
			return err
		}
		pos, err := modeler.ReadPosition(w.doc, acc, nil)
		if err != nil {
			return invalid("models.err.damaged", "The model's vertex positions cannot be read (%v).", err)
		}
		for _, v := range pos {
			q := m.point(v)
			for k := 0; k < 3; k++ {
				w.lo[k] = math.Min(w.lo[k], q[k])
				w.hi[k] = math.Max(w.hi[k], q[k])
			}
		}
		w.points += len(pos)
	}
	return nil
}

// checkAccessor rejects a position accessor whose declared count does not
// fit its buffer view before anything is allocated for it: a damaged count
// must not make the server allocate gigabytes.
func (w *boundsWalker) checkAccessor(acc *gltf.Accessor) error {
	if acc.BufferView == nil {
		return invalid("models.err.damaged", "The model has vertex positions without data.")
	}
	bvi := *acc.BufferView
	if bvi < 0 || bvi >= len(w.doc.BufferViews) {
		return invalid("models.err.damaged", "The model refers to buffer view %d, which does not exist.", bvi)
	}
	bv := w.doc.BufferViews[bvi]
	stride := bv.ByteStride
	if stride == 0 {
		stride = 12
	}
	if acc.Sparse != nil && (acc.Sparse.Count < 0 || acc.Sparse.Count > acc.Count) {
		return invalid("models.err.damaged", "The model's vertex positions are malformed.")
	}
	if acc.Count < 0 || acc.ByteOffset < 0 || stride < 12 {
		return invalid("models.err.damaged", "The model's vertex positions are malformed.")
	}
	if acc.Count > 0 && int64(acc.ByteOffset)+int64(stride)*int64(acc.Count-1)+12 > int64(bv.ByteLength) {
		return invalid("models.err.damaged", "The model's vertex positions run past their buffer.")
	}
	if bv.Buffer < 0 || bv.Buffer >= len(w.doc.Buffers) || int64(bv.ByteOffset)+int64(bv.ByteLength) > int64(len(w.doc.Buffers[bv.Buffer].Data)) || bv.ByteOffset < 0 {
		return invalid("models.err.damaged", "The model's vertex data runs past the end of the file.")
	}
	return nil
}
