package gen

import (
	"bytes"
	"fmt"

	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"
)

// encodeGLB writes a finished model as a self-contained GLB: one root node
// named after the product, one child node per part with a single-primitive
// mesh, and textures embedded in the binary chunk. It uses core glTF 2.0
// only: g3n's loader rejects any material extension.
func encodeGLB(md *model) ([]byte, error) {
	doc := gltf.NewDocument()
	doc.Asset.Generator = "Vitrine assets/gen"
	doc.Scenes[0].Name = md.slug
	root := &gltf.Node{Name: md.slug}
	doc.Nodes = append(doc.Nodes, root)
	doc.Scenes[0].Nodes = []int{0}

	materials := map[*material]int{}
	textures := map[*texture]int{}
	textureIndex := func(t *texture) (int, error) {
		if i, ok := textures[t]; ok {
			return i, nil
		}
		if len(doc.Samplers) == 0 {
			doc.Samplers = append(doc.Samplers, &gltf.Sampler{
				MagFilter: gltf.MagLinear,
				MinFilter: gltf.MinLinearMipMapLinear,
			})
		}
		img, err := modeler.WriteImage(doc, t.name, "image/png", bytes.NewReader(t.png()))
		if err != nil {
			return 0, fmt.Errorf("embed texture %s: %w", t.name, err)
		}
		doc.Textures = append(doc.Textures, &gltf.Texture{Name: t.name, Sampler: gltf.Index(0), Source: gltf.Index(img)})
		textures[t] = len(doc.Textures) - 1
		return textures[t], nil
	}
	materialIndex := func(m *material) (int, error) {
		if i, ok := materials[m]; ok {
			return i, nil
		}
		f := m.baseFactor()
		gm := &gltf.Material{
			Name: m.name,
			PBRMetallicRoughness: &gltf.PBRMetallicRoughness{
				BaseColorFactor: &[4]float64{round4(f[0]), round4(f[1]), round4(f[2]), 1},
				// g3n reads a missing metallicFactor as 0 instead of the
				// spec's 1, and the encoder drops a factor of exactly 1, so
				// metals use 0.95 and this field is always written.
				MetallicFactor:  gltf.Float(m.metallic),
				RoughnessFactor: gltf.Float(m.roughness),
			},
			EmissiveFactor: m.emissive,
		}
		if m.tex != nil {
			ti, err := textureIndex(m.tex)
			if err != nil {
				return 0, err
			}
			gm.PBRMetallicRoughness.BaseColorTexture = &gltf.TextureInfo{Index: ti}
		}
		if m.emissiveTex != nil {
			ti, err := textureIndex(m.emissiveTex)
			if err != nil {
				return 0, err
			}
			gm.EmissiveTexture = &gltf.TextureInfo{Index: ti}
		}
		doc.Materials = append(doc.Materials, gm)
		materials[m] = len(doc.Materials) - 1
		return materials[m], nil
	}

	for _, p := range md.parts {
		if len(p.mesh.idx) == 0 {
			continue
		}
		mi, err := materialIndex(p.mat)
		if err != nil {
			return nil, err
		}
		pos := make([][3]float32, len(p.mesh.pos))
		nrm := make([][3]float32, len(p.mesh.nrm))
		for i := range pos {
			for k := 0; k < 3; k++ {
				pos[i][k] = float32(p.mesh.pos[i][k])
				nrm[i][k] = float32(p.mesh.nrm[i][k])
			}
		}
		attrs := gltf.PrimitiveAttributes{
			gltf.POSITION: modeler.WritePosition(doc, pos),
			gltf.NORMAL:   modeler.WriteNormal(doc, nrm),
		}
		if p.mat.tex != nil || p.mat.emissiveTex != nil {
			uv := make([][2]float32, len(p.mesh.uv))
			for i, t := range p.mesh.uv {
				uv[i] = [2]float32{float32(t[0]), float32(t[1])}
			}
			attrs[gltf.TEXCOORD_0] = modeler.WriteTextureCoord(doc, uv)
		}
		var indices int
		if len(pos) < 65535 {
			idx := make([]uint16, len(p.mesh.idx))
			for i, v := range p.mesh.idx {
				idx[i] = uint16(v)
			}
			indices = modeler.WriteIndices(doc, idx)
		} else {
			indices = modeler.WriteIndices(doc, p.mesh.idx)
		}
		doc.Meshes = append(doc.Meshes, &gltf.Mesh{
			Name: p.name,
			Primitives: []*gltf.Primitive{{
				Attributes: attrs,
				Indices:    gltf.Index(indices),
				Material:   gltf.Index(mi),
			}},
		})
		doc.Nodes = append(doc.Nodes, &gltf.Node{Name: p.name, Mesh: gltf.Index(len(doc.Meshes) - 1)})
		root.Children = append(root.Children, len(doc.Nodes)-1)
	}

	var b bytes.Buffer
	enc := gltf.NewEncoder(&b)
	enc.AsBinary = true
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("encode %s: %w", md.slug, err)
	}
	return b.Bytes(), nil
}

func round4(v float64) float64 { return float64(int64(v*10000+0.5)) / 10000 }
