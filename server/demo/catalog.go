// Package demo holds the catalog of the demo store: six categories (the six
// stands of the showroom hall) and twenty-four products, written in every
// locale the store sells in. It is plain data built by Go code, so the seeder,
// the 3D model generator and the tests all read the same catalog, and a typo
// in a slug is a compile-time or test-time failure instead of a broken page.
package demo

import "vitrine/showroom/catalog"

// SpecKeys returns the vocabulary of specification keys the demo products
// use. The list is deliberately small and shared, because the UI translates
// each key ("spec.width") and its translation catalog must cover every one.
// It returns a new slice on every call, so callers may modify it.
func SpecKeys() []string {
	return []string{
		"width", "depth", "height", "weight", "material", "colour",
		"seat_height", "max_load", "power", "battery", "screen", "resolution",
		"frame", "wheels", "gears", "capacity", "connectivity", "warranty",
		"assembly", "care",
	}
}

// tr is a text written in every locale, in the order of catalog.Locales.
func tr(en, es, zhHans, ro string) catalog.Text {
	return catalog.Text{"en": en, "es": es, "zh-Hans": zhHans, "ro": ro}
}

// same is a text that reads the same in every language (measurements, model
// numbers), so it is stored once, in English, and catalog.Text.In falls back
// to it.
func same(s string) catalog.Text { return catalog.Text{"en": s} }

// spec is one specification row.
func spec(key string, value catalog.Text) catalog.Spec {
	return catalog.Spec{Key: key, Value: value}
}

// Categories returns the demo categories in hall order, Position 0 to 5. It
// builds new values on every call, so callers may modify what they get.
func Categories() []catalog.Category {
	cs := []catalog.Category{
		{
			Slug: "living-room",
			Name: tr("Living room", "Salón", "客厅", "Sufragerie"),
			Description: tr(
				"Sofas, armchairs, tables and lighting for the room where everyone gathers.",
				"Sofás, sillones, mesas e iluminación para la estancia en la que se reúne toda la familia.",
				"沙发、扶手椅、茶几和灯具，打造全家相聚的空间。",
				"Canapele, fotolii, mese și corpuri de iluminat pentru camera în care se adună toată lumea.",
			),
			Featured: true,
		},
		{
			Slug: "home-office",
			Name: tr("Home office", "Oficina en casa", "家庭办公", "Birou acasă"),
			Description: tr(
				"Desks, chairs and lighting that make a full day's work at home comfortable.",
				"Escritorios, sillas e iluminación para trabajar en casa con comodidad toda la jornada.",
				"书桌、办公椅和灯具，让居家工作一整天也舒适自在。",
				"Birouri, scaune și lămpi care fac confortabilă o zi întreagă de lucru de acasă.",
			),
			Featured: true,
		},
		{
			Slug: "bedroom-storage",
			Name: tr("Bedroom & storage", "Dormitorio y almacenaje", "卧室与收纳", "Dormitor și depozitare"),
			Description: tr(
				"Beds, wardrobes and chests of drawers in solid oak for a calm, uncluttered bedroom.",
				"Camas, armarios y cómodas de roble macizo para un dormitorio tranquilo y ordenado.",
				"橡木实木床、衣柜和斗柜，打造宁静整洁的卧室。",
				"Paturi, dulapuri și comode din stejar masiv pentru un dormitor liniștit și ordonat.",
			),
		},
		{
			Slug: "cycling",
			Name: tr("Cycling", "Ciclismo", "骑行", "Ciclism"),
			Description: tr(
				"A city bike built to your choice and the gear to ride it safely every day.",
				"Una bicicleta urbana configurada a tu gusto y el equipo para circular con seguridad cada día.",
				"按你的选择配置的城市自行车，以及每天安全骑行所需的装备。",
				"O bicicletă de oraș configurată după preferințele tale și echipamentul pentru a circula în siguranță în fiecare zi.",
			),
			Featured: true,
		},
		{
			Slug: "computing",
			Name: tr("Computing", "Informática", "电脑", "Calculatoare"),
			Description: tr(
				"Laptops, monitors and peripherals chosen for long hours of focused work.",
				"Portátiles, monitores y periféricos pensados para largas horas de trabajo concentrado.",
				"笔记本电脑、显示器和外设，专为长时间专注工作而挑选。",
				"Laptopuri, monitoare și periferice alese pentru ore lungi de lucru concentrat.",
			),
		},
		{
			Slug: "outdoor",
			Name: tr("Outdoor", "Exterior", "户外", "Exterior"),
			Description: tr(
				"Teak, aluminium and weatherproof fabrics for the garden, the terrace and the campsite.",
				"Teca, aluminio y tejidos resistentes a la intemperie para el jardín, la terraza y la acampada.",
				"柚木、铝材和防风雨面料，适用于花园、露台和露营地。",
				"Tec, aluminiu și materiale rezistente la intemperii pentru grădină, terasă și camping.",
			),
		},
	}
	for i := range cs {
		cs[i].Position = i
	}
	return cs
}

// Products returns the demo products ordered by category, then by their place
// on the category's stand. Position, Model and Thumbnail are derived here
// from the order and the slug, so the list below cannot get them wrong, and
// the hotspots on each model come from hotspots.go. It builds new values on
// every call, so callers may modify what they get.
func Products() []catalog.Product {
	ps := products()
	hs := hotspots()
	next := map[string]int{}
	for i := range ps {
		p := &ps[i]
		p.Position = next[p.Category]
		next[p.Category]++
		p.Model = "/web/models/" + p.Slug + ".glb"
		p.Thumbnail = "/web/thumbs/" + p.Slug + ".png"
		p.Hotspots = hs[p.Slug]
	}
	return ps
}

// Warranty periods in months. Furniture frames carry a long warranty because
// solid wood and steel frames outlast their upholstery and mechanisms; the
// helmet carries a short one because its foam ages whether it is used or not.
const (
	warrantyStandard = 24
	warrantyFrame    = 60
	warrantyHelmet   = 12
)

// products is the catalog itself, in stand order. Stock of 0 marks products
// made or shipped to order, whose LeadTimeDays is then weeks, not days.
func products() []catalog.Product {
	return []catalog.Product{
		// Living room.
		{
			Slug: "modular-sofa", SKU: "VT-LR-001", Category: "living-room",
			Name: tr("Modular sofa", "Sofá modular", "模块化沙发", "Canapea modulară"),
			Description: tr(
				"A three-seat fabric sofa built from modules: add a chaise, swap the arms or change the cover whenever you like. The covers zip off for washing.",
				"Un sofá de tres plazas tapizado en tela y compuesto por módulos: añade un chaise longue, cambia los brazos o renueva la funda cuando quieras. Las fundas se quitan con cremallera para lavarlas.",
				"由模块组合而成的三人布艺沙发：可随时加装贵妃位、更换扶手或换上新的沙发套。沙发套带拉链，可拆洗。",
				"O canapea cu trei locuri, tapițată cu material textil și alcătuită din module: adaugă un șezlong, schimbă brațele sau husa oricând dorești. Husele se scot cu fermoar și se pot spăla.",
			),
			Price: catalog.EUR(104900), Stock: 6, LeadTimeDays: 5,
			WarrantyMonths: warrantyFrame, Configurable: true, Featured: true,
			Specs: []catalog.Spec{
				spec("width", same("228 cm")),
				spec("depth", same("95 cm")),
				spec("height", same("82 cm")),
				spec("seat_height", same("44 cm")),
				spec("material", tr(
					"Pine frame, foam seat, wool-blend cover",
					"Estructura de pino, asiento de espuma, funda de mezcla de lana",
					"松木框架，泡棉坐垫，羊毛混纺面料",
					"Cadru din pin, șezut din spumă, husă din amestec de lână",
				)),
				spec("colour", tr("Sand beige", "Beige arena", "沙米色", "Bej nisipiu")),
				spec("care", tr(
					"Removable covers, machine washable at 30 °C",
					"Fundas desenfundables, lavables a máquina a 30 °C",
					"沙发套可拆卸，可在 30 °C 下机洗",
					"Huse detașabile, lavabile la mașină la 30 °C",
				)),
			},
		},
		{
			Slug: "oak-coffee-table", SKU: "VT-LR-002", Category: "living-room",
			Name: tr("Round oak coffee table", "Mesa de centro redonda de roble", "圆形橡木茶几", "Măsuță de cafea rotundă din stejar"),
			Description: tr(
				"A round coffee table in solid European oak with a hand-oiled finish that grows warmer in colour over the years. Its softened edge makes it easy to live with around children.",
				"Una mesa de centro redonda de roble europeo macizo con acabado aceitado a mano, cuyo color se vuelve más cálido con los años. Su canto suavizado la hace ideal para casas con niños.",
				"圆形茶几采用欧洲橡木实木，手工上油处理，色泽会随岁月愈发温润。圆润的桌边在有孩子的家庭中也更让人安心。",
				"O măsuță rotundă din stejar european masiv, finisată manual cu ulei, a cărei culoare devine tot mai caldă cu anii. Marginea rotunjită o face potrivită și pentru casele cu copii.",
			),
			Price: catalog.EUR(34900), Stock: 0, LeadTimeDays: 28,
			WarrantyMonths: warrantyFrame,
			Specs: []catalog.Spec{
				spec("width", same("Ø 90 cm")),
				spec("height", same("42 cm")),
				spec("weight", same("24 kg")),
				spec("material", tr("Solid European oak, natural oil", "Roble europeo macizo, aceite natural", "欧洲橡木实木，天然木蜡油", "Stejar european masiv, ulei natural")),
				spec("assembly", tr("Screw-in legs, 10 min", "Patas atornillables, 10 min", "旋入式桌腿，约 10 分钟", "Picioare cu filet, 10 min")),
				spec("care", tr(
					"Wipe with a damp cloth; re-oil once a year",
					"Limpiar con un paño húmedo; volver a aceitar una vez al año",
					"用湿布擦拭；每年重新上油一次",
					"Se șterge cu o cârpă umedă; se tratează din nou cu ulei o dată pe an",
				)),
			},
		},
		{
			Slug: "linen-armchair", SKU: "VT-LR-003", Category: "living-room",
			Name: tr("Linen armchair", "Sillón de lino", "亚麻扶手椅", "Fotoliu din in"),
			Description: tr(
				"A deep, low armchair upholstered in washed linen on solid beech legs. Made for long afternoons with a book.",
				"Un sillón amplio y bajo, tapizado en lino lavado, sobre patas de haya maciza. Pensado para largas tardes de lectura.",
				"宽大低矮的扶手椅，水洗亚麻面料搭配实木山毛榉椅腿。专为捧书度过的悠长午后而设计。",
				"Un fotoliu adânc și jos, tapițat cu in spălat, pe picioare din fag masiv. Făcut pentru după-amiezi lungi cu o carte în mână.",
			),
			Price: catalog.EUR(49900), Stock: 9, LeadTimeDays: 4,
			WarrantyMonths: warrantyFrame,
			Specs: []catalog.Spec{
				spec("width", same("78 cm")),
				spec("depth", same("84 cm")),
				spec("height", same("76 cm")),
				spec("seat_height", same("41 cm")),
				spec("material", tr("Washed linen, solid beech legs", "Lino lavado, patas de haya maciza", "水洗亚麻，实木山毛榉椅腿", "In spălat, picioare din fag masiv")),
				spec("colour", tr("Stone grey", "Gris piedra", "石灰色", "Gri piatră")),
			},
		},
		{
			Slug: "arc-floor-lamp", SKU: "VT-LR-004", Category: "living-room",
			Name: tr("Arc floor lamp", "Lámpara de pie de arco", "弧形落地灯", "Lampadar cu arc"),
			Description: tr(
				"A brushed brass arc that reaches over the sofa to light the table below, with a pleated linen shade and a marble base. Dim it with the foot switch.",
				"Un arco de latón cepillado que pasa por encima del sofá para iluminar la mesa, con pantalla plisada de lino y base de mármol. Se regula con el interruptor de pie.",
				"拉丝黄铜弧形灯臂越过沙发，照亮下方的茶几，配有褶皱亚麻灯罩和大理石底座。可通过脚踏开关调光。",
				"Un arc din alamă periată care trece peste canapea și luminează masa de dedesubt, cu abajur plisat din in și bază din marmură. Intensitatea se reglează din întrerupătorul de picior.",
			),
			Price: catalog.EUR(18900), Stock: 14, LeadTimeDays: 3,
			WarrantyMonths: warrantyStandard,
			Specs: []catalog.Spec{
				spec("height", same("195 cm")),
				spec("width", same("150 cm")),
				spec("weight", same("18 kg")),
				spec("material", tr(
					"Brushed brass, marble base, linen shade",
					"Latón cepillado, base de mármol, pantalla de lino",
					"拉丝黄铜，大理石底座，亚麻灯罩",
					"Alamă periată, bază din marmură, abajur din in",
				)),
				spec("power", same("E27, LED ≤ 12 W")),
			},
		},

		// Home office.
		{
			Slug: "standing-desk", SKU: "VT-HO-001", Category: "home-office",
			Name: tr("Standing desk", "Escritorio elevable", "电动升降桌", "Birou reglabil pe înălțime"),
			Description: tr(
				"An electric sit-stand desk whose two motors lift it from 65 to 130 cm in seconds, with four memory presets. Choose the top size, finish and frame colour in the configurator.",
				"Un escritorio eléctrico de doble motor que sube de 65 a 130 cm en segundos y memoriza cuatro alturas. Elige el tamaño del tablero, el acabado y el color de la estructura en el configurador.",
				"双电机电动升降桌，数秒内即可在 65 至 130 厘米之间升降，可记忆四个高度。可在配置器中选择桌面尺寸、饰面和桌架颜色。",
				"Un birou electric cu două motoare, care se ridică de la 65 la 130 cm în câteva secunde și memorează patru înălțimi. Alege dimensiunea blatului, finisajul și culoarea cadrului în configurator.",
			),
			Price: catalog.EUR(59900), Stock: 12, LeadTimeDays: 3,
			WarrantyMonths: warrantyFrame, Configurable: true, Featured: true,
			Specs: []catalog.Spec{
				spec("width", same("140 cm")),
				spec("depth", same("70 cm")),
				spec("height", same("65–130 cm")),
				spec("max_load", same("120 kg")),
				spec("power", same("230 V, 2 × 150 W")),
				spec("material", tr(
					"Oak veneer top, powder-coated steel frame",
					"Tablero chapado en roble, estructura de acero con pintura en polvo",
					"橡木贴皮桌面，粉末喷涂钢架",
					"Blat furniruit cu stejar, cadru din oțel vopsit în câmp electrostatic",
				)),
				spec("assembly", tr("About 30 min, tools included", "Unos 30 min, herramientas incluidas", "约 30 分钟，附带工具", "Aproximativ 30 min, scule incluse")),
			},
		},
		{
			Slug: "ergonomic-chair", SKU: "VT-HO-002", Category: "home-office",
			Name: tr("Ergonomic mesh chair", "Silla ergonómica de malla", "人体工学网椅", "Scaun ergonomic din plasă"),
			Description: tr(
				"A breathable mesh office chair with adjustable lumbar support, 4D armrests and a synchronised tilt. Designed and tested for eight-hour days.",
				"Una silla de oficina de malla transpirable con soporte lumbar ajustable, reposabrazos 4D y mecanismo basculante sincronizado. Diseñada y probada para jornadas de ocho horas.",
				"透气网布办公椅，配备可调节腰托、4D 扶手和同步倾仰机构。专为每天八小时的工作而设计并经过测试。",
				"Un scaun de birou din plasă respirantă, cu suport lombar reglabil, cotiere 4D și mecanism sincron de înclinare. Proiectat și testat pentru zile de lucru de opt ore.",
			),
			Price: catalog.EUR(42900), Stock: 0, LeadTimeDays: 21,
			WarrantyMonths: warrantyFrame,
			Specs: []catalog.Spec{
				spec("seat_height", same("44–54 cm")),
				spec("width", same("68 cm")),
				spec("max_load", same("130 kg")),
				spec("weight", same("17 kg")),
				spec("material", tr("Mesh back and seat, aluminium base", "Respaldo y asiento de malla, base de aluminio", "网布靠背和坐垫，铝合金底座", "Spătar și șezut din plasă, bază din aluminiu")),
				spec("colour", tr("Graphite", "Grafito", "石墨灰", "Grafit")),
				spec("assembly", tr("Tool-free, 10 min", "Sin herramientas, 10 min", "免工具安装，约 10 分钟", "Fără scule, 10 min")),
			},
		},
		{
			Slug: "desk-lamp", SKU: "VT-HO-003", Category: "home-office",
			Name: tr("Architect desk lamp", "Lámpara de escritorio de arquitecto", "建筑师台灯", "Lampă de birou tip arhitect"),
			Description: tr(
				"A black metal architect lamp with a balanced arm and a flicker-free LED head whose brightness and warmth you set to taste. Both a desk clamp and a weighted base are included.",
				"Una lámpara de arquitecto de metal negro con brazo equilibrado y cabezal LED sin parpadeo, con intensidad y temperatura de color regulables. Incluye pinza de sujeción y base con contrapeso.",
				"黑色金属建筑师台灯，平衡灯臂搭配无频闪 LED 灯头，亮度和色温均可随心调节。附带桌夹和配重底座。",
				"O lampă de arhitect din metal negru, cu braț echilibrat și cap LED fără pâlpâire, cu intensitatea și temperatura culorii reglabile. Clema de prindere și baza cu contragreutate sunt incluse.",
			),
			Price: catalog.EUR(8900), Stock: 40, LeadTimeDays: 2,
			WarrantyMonths: warrantyStandard,
			Specs: []catalog.Spec{
				spec("height", same("85 cm")),
				spec("weight", same("2400 g")),
				spec("power", same("LED 8 W, 2700–5000 K")),
				spec("material", tr("Powder-coated steel", "Acero con pintura en polvo", "粉末喷涂钢", "Oțel vopsit în câmp electrostatic")),
				spec("colour", tr("Black", "Negro", "黑色", "Negru")),
				spec("connectivity", tr("USB-A charging port in the base", "Puerto de carga USB-A en la base", "底座带 USB-A 充电口", "Port de încărcare USB-A în bază")),
			},
		},
		{
			Slug: "oak-bookshelf", SKU: "VT-HO-004", Category: "home-office",
			Name: tr("Oak bookcase", "Estantería de roble", "橡木书架", "Bibliotecă din stejar"),
			Description: tr(
				"A five-shelf bookcase in solid oak with an open back, so it stands against a wall or divides a room. Each shelf holds 30 kg of books.",
				"Una estantería de cinco baldas de roble macizo con la trasera abierta, que puede ir contra la pared o separar ambientes. Cada balda soporta 30 kg de libros.",
				"五层橡木实木书架，背部开放，既可靠墙摆放，也可用作空间隔断。每层可承重 30 公斤书籍。",
				"O bibliotecă din stejar masiv cu cinci rafturi și spatele deschis, care poate sta lângă perete sau poate separa o cameră. Fiecare raft susține 30 kg de cărți.",
			),
			Price: catalog.EUR(38900), Stock: 5, LeadTimeDays: 5,
			WarrantyMonths: warrantyFrame,
			Specs: []catalog.Spec{
				spec("width", same("90 cm")),
				spec("depth", same("35 cm")),
				spec("height", same("190 cm")),
				spec("max_load", tr("30 kg per shelf", "30 kg por balda", "每层 30 公斤", "30 kg pe raft")),
				spec("material", tr("Solid oak, matt lacquer", "Roble macizo, laca mate", "橡木实木，哑光清漆", "Stejar masiv, lac mat")),
				spec("assembly", tr("Two people, about 45 min", "Dos personas, unos 45 min", "需两人，约 45 分钟", "Două persoane, aproximativ 45 min")),
			},
		},

		// Bedroom & storage.
		{
			Slug: "platform-bed", SKU: "VT-BS-001", Category: "bedroom-storage",
			Name: tr("Oak platform bed", "Cama de plataforma de roble", "橡木平台床", "Pat tip platformă din stejar"),
			Description: tr(
				"A low platform bed in solid oak for a 160 × 200 cm mattress, with a slatted base that needs no box spring. Made to order in our partner workshop.",
				"Una cama baja de plataforma de roble macizo para colchón de 160 × 200 cm, con somier de láminas integrado que no necesita base adicional. Fabricada por encargo en nuestro taller asociado.",
				"橡木实木矮床，适配 160 × 200 厘米床垫，自带排骨架，无需另配床箱。由合作工坊按订单制作。",
				"Un pat jos din stejar masiv pentru saltea de 160 × 200 cm, cu somieră din lamele care nu necesită o bază suplimentară. Realizat la comandă în atelierul nostru partener.",
			),
			Price: catalog.EUR(89900), Stock: 0, LeadTimeDays: 35,
			WarrantyMonths: warrantyFrame, Featured: true,
			Specs: []catalog.Spec{
				spec("width", same("170 cm")),
				spec("depth", same("212 cm")),
				spec("height", same("90 cm")),
				spec("max_load", same("300 kg")),
				spec("material", tr("Solid oak, birch slats", "Roble macizo, láminas de abedul", "橡木实木，桦木排骨架", "Stejar masiv, lamele din mesteacăn")),
				spec("assembly", tr("Two people, about 1 h", "Dos personas, aproximadamente 1 h", "需两人，约 1 小时", "Două persoane, aproximativ 1 h")),
			},
		},
		{
			Slug: "oak-wardrobe", SKU: "VT-BS-002", Category: "bedroom-storage",
			Name: tr("Two-door oak wardrobe", "Armario de roble de dos puertas", "双门橡木衣柜", "Dulap din stejar cu două uși"),
			Description: tr(
				"A two-door wardrobe in solid oak with a full-width hanging rail, two adjustable shelves and soft-closing hinges. Made to order in our partner workshop.",
				"Un armario de dos puertas de roble macizo con barra para colgar a todo lo ancho, dos baldas regulables y bisagras de cierre suave. Fabricado por encargo en nuestro taller asociado.",
				"橡木实木双门衣柜，配通长挂衣杆、两块可调层板和缓冲铰链。由合作工坊按订单制作。",
				"Un dulap cu două uși din stejar masiv, cu bară pentru umerașe pe toată lățimea, două rafturi reglabile și balamale cu închidere lentă. Realizat la comandă în atelierul nostru partener.",
			),
			Price: catalog.EUR(129900), Stock: 0, LeadTimeDays: 42,
			WarrantyMonths: warrantyFrame,
			Specs: []catalog.Spec{
				spec("width", same("100 cm")),
				spec("depth", same("60 cm")),
				spec("height", same("200 cm")),
				spec("weight", same("85 kg")),
				spec("material", tr("Solid oak, brass handles", "Roble macizo, tiradores de latón", "橡木实木，黄铜拉手", "Stejar masiv, mânere din alamă")),
				spec("assembly", tr("Assembled on delivery", "Se entrega montado", "送货上门安装", "Se livrează montat")),
			},
		},
		{
			Slug: "bedside-table", SKU: "VT-BS-003", Category: "bedroom-storage",
			Name: tr("Bedside table", "Mesita de noche", "床头柜", "Noptieră"),
			Description: tr(
				"A compact oak bedside table with a soft-closing drawer and an open shelf for the books you are reading. A cable hole at the back keeps the charger out of sight.",
				"Una mesita de noche compacta de roble con cajón de cierre suave y un estante abierto para los libros que estás leyendo. Un pasacables en la trasera mantiene el cargador fuera de la vista.",
				"小巧的橡木床头柜，带缓冲抽屉和开放式层架，方便放置正在读的书。背部的走线孔让充电器隐于无形。",
				"O noptieră compactă din stejar, cu sertar cu închidere lentă și un raft deschis pentru cărțile pe care le citești. Un orificiu pentru cabluri în spate ține încărcătorul ascuns.",
			),
			Price: catalog.EUR(17900), Stock: 18, LeadTimeDays: 3,
			WarrantyMonths: warrantyFrame,
			Specs: []catalog.Spec{
				spec("width", same("45 cm")),
				spec("depth", same("38 cm")),
				spec("height", same("52 cm")),
				spec("material", tr("Solid oak", "Roble macizo", "橡木实木", "Stejar masiv")),
				spec("assembly", tr("Delivered assembled", "Se entrega montada", "整装发货，无需组装", "Se livrează asamblată")),
			},
		},
		{
			Slug: "chest-of-drawers", SKU: "VT-BS-004", Category: "bedroom-storage",
			Name: tr("Six-drawer chest", "Cómoda de seis cajones", "六斗柜", "Comodă cu șase sertare"),
			Description: tr(
				"A wide chest of six deep drawers on full-extension runners, in solid oak with a matt lacquer finish. Anti-tip wall fittings are included.",
				"Una cómoda ancha con seis cajones profundos sobre guías de extracción total, de roble macizo con acabado lacado mate. Incluye herrajes antivuelco para fijarla a la pared.",
				"宽大的橡木实木斗柜，六个深抽屉均采用全拉出滑轨，表面为哑光清漆。附带防倾倒墙面固定件。",
				"O comodă lată cu șase sertare adânci pe glisiere cu extragere completă, din stejar masiv cu finisaj de lac mat. Include accesorii anti-răsturnare pentru prinderea de perete.",
			),
			Price: catalog.EUR(54900), Stock: 4, LeadTimeDays: 5,
			WarrantyMonths: warrantyFrame,
			Specs: []catalog.Spec{
				spec("width", same("120 cm")),
				spec("depth", same("48 cm")),
				spec("height", same("84 cm")),
				spec("weight", same("62 kg")),
				spec("material", tr("Solid oak, matt lacquer", "Roble macizo, laca mate", "橡木实木，哑光清漆", "Stejar masiv, lac mat")),
				spec("assembly", tr("Two people, about 1 h", "Dos personas, aproximadamente 1 h", "需两人，约 1 小时", "Două persoane, aproximativ 1 h")),
			},
		},

		// Cycling.
		{
			Slug: "city-bike", SKU: "VT-CY-001", Category: "cycling",
			Name: tr("City bike", "Bicicleta urbana", "城市自行车", "Bicicletă de oraș"),
			Description: tr(
				"A light aluminium city bike with a maintenance-free belt drive, hub gears and hydraulic disc brakes. Choose the frame size, colour, gears and accessories in the configurator.",
				"Una bicicleta urbana ligera de aluminio con transmisión por correa sin mantenimiento, cambio interno en el buje y frenos de disco hidráulicos. Elige la talla del cuadro, el color, el cambio y los accesorios en el configurador.",
				"轻量铝合金城市自行车，配备免维护皮带传动、内变速花鼓和液压碟刹。可在配置器中选择车架尺寸、颜色、变速和配件。",
				"O bicicletă de oraș ușoară din aluminiu, cu transmisie pe curea fără întreținere, schimbător în butuc și frâne hidraulice pe disc. Alege mărimea cadrului, culoarea, schimbătorul și accesoriile în configurator.",
			),
			Price: catalog.EUR(74900), Stock: 7, LeadTimeDays: 4,
			WarrantyMonths: warrantyStandard, Configurable: true, Featured: true,
			Specs: []catalog.Spec{
				spec("frame", tr("6061 aluminium, size M", "Aluminio 6061, talla M", "6061 铝合金，M 码", "Aluminiu 6061, mărimea M")),
				spec("wheels", same("700 × 40C")),
				spec("gears", tr("Shimano Nexus 7-speed hub", "Buje Shimano Nexus de 7 velocidades", "Shimano Nexus 7 速内变速花鼓", "Butuc Shimano Nexus cu 7 viteze")),
				spec("weight", same("13 kg")),
				spec("max_load", same("120 kg")),
				spec("colour", tr("Sage green", "Verde salvia", "鼠尾草绿", "Verde salvie")),
			},
		},
		{
			Slug: "cycling-helmet", SKU: "VT-CY-002", Category: "cycling",
			Name: tr("Urban cycling helmet", "Casco urbano de ciclismo", "城市骑行头盔", "Cască urbană de ciclism"),
			Description: tr(
				"A light urban helmet with an in-mould shell, a magnetic buckle and a rechargeable rear LED. For hygiene reasons helmets are final sale and cannot be returned.",
				"Un casco urbano ligero con carcasa in-mould, cierre magnético y luz LED trasera recargable. Por motivos de higiene, los cascos son de venta final y no admiten devolución.",
				"轻便的城市头盔，采用一体成型外壳、磁吸扣和可充电后置 LED 灯。出于卫生原因，头盔一经售出概不退货。",
				"O cască urbană ușoară, cu carcasă turnată in-mould, cataramă magnetică și lumină LED reîncărcabilă în spate. Din motive de igienă, căștile nu pot fi returnate după cumpărare.",
			),
			Price: catalog.EUR(6990), Stock: 35, LeadTimeDays: 2,
			WarrantyMonths: warrantyHelmet, FinalSale: true,
			Specs: []catalog.Spec{
				spec("weight", same("340 g")),
				spec("material", tr("EPS foam, polycarbonate shell", "Espuma EPS, carcasa de policarbonato", "EPS 泡沫内衬，聚碳酸酯外壳", "Spumă EPS, carcasă din policarbonat")),
				spec("colour", tr("Matt black", "Negro mate", "哑光黑", "Negru mat")),
				spec("battery", same("USB-C, 10 h")),
				spec("care", tr(
					"Clean with mild soap; replace after any impact",
					"Limpiar con jabón neutro; sustituir tras cualquier impacto",
					"用温和的肥皂清洁；受到任何撞击后请更换",
					"Se curăță cu săpun delicat; se înlocuiește după orice impact",
				)),
			},
		},
		{
			Slug: "bike-light-set", SKU: "VT-CY-003", Category: "cycling",
			Name: tr("USB bike light set", "Juego de luces USB para bicicleta", "USB 自行车灯套装", "Set de lumini USB pentru bicicletă"),
			Description: tr(
				"A bright front light and a rear light that charge over USB-C and clip on or off the bike in a second. The road-legal beam does not dazzle oncoming drivers.",
				"Una luz delantera potente y una trasera que se cargan por USB-C y se ponen o se quitan de la bici en un segundo. Su haz homologado no deslumbra a los conductores que vienen de frente.",
				"明亮的前灯和尾灯，通过 USB-C 充电，一秒即可装卸。符合道路法规的光型不会让对向驾驶员炫目。",
				"O lumină față puternică și una spate, care se încarcă prin USB-C și se montează sau se scot de pe bicicletă într-o secundă. Fasciculul omologat nu îi orbește pe șoferii din sens opus.",
			),
			Price: catalog.EUR(3990), Stock: 60, LeadTimeDays: 2,
			WarrantyMonths: warrantyStandard,
			Specs: []catalog.Spec{
				spec("power", tr("Front 400 lm, rear 30 lm", "Delantera 400 lm, trasera 30 lm", "前灯 400 流明，尾灯 30 流明", "Față 400 lm, spate 30 lm")),
				spec("battery", tr("USB-C, up to 10 h", "USB-C, hasta 10 h", "USB-C 充电，续航最长 10 小时", "USB-C, până la 10 h")),
				spec("weight", same("120 g")),
				spec("material", tr("Aluminium and silicone", "Aluminio y silicona", "铝合金和硅胶", "Aluminiu și silicon")),
				spec("assembly", tr("Tool-free silicone strap", "Correa de silicona, sin herramientas", "硅胶绑带，免工具安装", "Curea din silicon, fără scule")),
			},
		},
		{
			Slug: "u-lock", SKU: "VT-CY-004", Category: "cycling",
			Name: tr("Hardened steel U-lock", "Candado en U de acero templado", "淬火钢 U 型锁", "Lacăt în U din oțel călit"),
			Description: tr(
				"A 16 mm hardened steel shackle with a double-bolt mechanism, sized to lock the frame and a wheel to a bike stand. Comes with three keys and a frame bracket.",
				"Un arco de acero templado de 16 mm con doble cierre, del tamaño justo para sujetar el cuadro y una rueda a un aparcabicis. Incluye tres llaves y un soporte para el cuadro.",
				"16 毫米淬火钢锁梁，双锁舌结构，尺寸恰好可将车架和一个车轮锁在停车架上。附带三把钥匙和车架支架。",
				"O toartă din oțel călit de 16 mm cu dublu zăvor, dimensionată pentru a prinde cadrul și o roată de un suport de biciclete. Vine cu trei chei și un suport de prindere pe cadru.",
			),
			Price: catalog.EUR(4990), Stock: 45, LeadTimeDays: 2,
			WarrantyMonths: warrantyStandard,
			Specs: []catalog.Spec{
				spec("width", same("108 mm")),
				spec("height", same("245 mm")),
				spec("weight", same("1250 g")),
				spec("material", tr("Hardened steel, vinyl coating", "Acero templado, recubrimiento de vinilo", "淬火钢，乙烯基涂层", "Oțel călit, înveliș din vinil")),
				spec("colour", tr("Black", "Negro", "黑色", "Negru")),
			},
		},

		// Computing.
		{
			Slug: "laptop-14", SKU: "VT-CO-001", Category: "computing",
			Name: tr("14-inch laptop", "Portátil de 14 pulgadas", "14 英寸笔记本电脑", "Laptop de 14 inchi"),
			Description: tr(
				"A thin aluminium laptop with a sharp 14-inch display and a battery that lasts a full working day. It runs silently with no fan and comes with 16 GB of memory and a 512 GB SSD.",
				"Un portátil fino de aluminio con una nítida pantalla de 14 pulgadas y batería para toda la jornada. Funciona en silencio, sin ventilador, y viene con 16 GB de memoria y un SSD de 512 GB.",
				"轻薄铝合金笔记本电脑，配备清晰的 14 英寸显示屏，续航足以支撑一整个工作日。无风扇设计，运行静音，配备 16 GB 内存和 512 GB 固态硬盘。",
				"Un laptop subțire din aluminiu, cu un ecran clar de 14 inchi și o baterie care ține o zi întreagă de lucru. Funcționează silențios, fără ventilator, și vine cu 16 GB de memorie și un SSD de 512 GB.",
			),
			Price: catalog.EUR(119900), Stock: 15, LeadTimeDays: 2,
			WarrantyMonths: warrantyStandard, Featured: true,
			Specs: []catalog.Spec{
				spec("screen", same("14 in, 2880 × 1800, 120 Hz")),
				spec("capacity", same("16 GB RAM, 512 GB SSD")),
				spec("battery", tr("Up to 15 h", "Hasta 15 h", "最长 15 小时", "Până la 15 h")),
				spec("weight", same("1290 g")),
				spec("connectivity", same("2 × USB-C, HDMI, Wi-Fi 6E, Bluetooth 5.3")),
				spec("material", tr("Recycled aluminium", "Aluminio reciclado", "再生铝", "Aluminiu reciclat")),
				spec("colour", tr("Silver", "Plata", "银色", "Argintiu")),
			},
		},
		{
			Slug: "monitor-27", SKU: "VT-CO-002", Category: "computing",
			Name: tr("27-inch 4K monitor", "Monitor 4K de 27 pulgadas", "27 英寸 4K 显示器", "Monitor 4K de 27 inchi"),
			Description: tr(
				"A 27-inch 4K IPS monitor with factory-calibrated colour, on a stand that adjusts in height, tilt and swivel. A single USB-C cable carries the picture and charges your laptop.",
				"Un monitor IPS 4K de 27 pulgadas con color calibrado de fábrica, sobre un pie regulable en altura, inclinación y giro. Un solo cable USB-C transmite la imagen y carga el portátil.",
				"27 英寸 4K IPS 显示器，出厂前已完成色彩校准，支架可调节高度、俯仰和旋转。一根 USB-C 线即可传输画面并为笔记本电脑充电。",
				"Un monitor IPS 4K de 27 inchi cu culori calibrate din fabrică, pe un suport reglabil pe înălțime, înclinare și rotire. Un singur cablu USB-C transmite imaginea și încarcă laptopul.",
			),
			Price: catalog.EUR(44900), Stock: 0, LeadTimeDays: 14,
			WarrantyMonths: warrantyStandard,
			Specs: []catalog.Spec{
				spec("screen", same("27 in IPS, 60 Hz")),
				spec("resolution", same("3840 × 2160")),
				spec("connectivity", same("USB-C 90 W, HDMI 2.0, DisplayPort 1.4")),
				spec("height", same("45–58 cm")),
				spec("weight", same("7 kg")),
			},
		},
		{
			Slug: "mechanical-keyboard", SKU: "VT-CO-003", Category: "computing",
			Name: tr("Tenkeyless mechanical keyboard", "Teclado mecánico sin bloque numérico", "无数字键区机械键盘", "Tastatură mecanică fără bloc numeric"),
			Description: tr(
				"A compact keyboard without a number pad, so your mouse sits closer to you. Hot-swappable tactile switches, PBT keycaps and a wired or Bluetooth connection.",
				"Un teclado compacto sin bloque numérico, para que el ratón quede más cerca. Interruptores táctiles intercambiables en caliente, teclas de PBT y conexión por cable o Bluetooth.",
				"紧凑型键盘，省去数字键区，让鼠标离你更近。支持热插拔的段落轴、PBT 键帽，可有线或蓝牙连接。",
				"O tastatură compactă fără bloc numeric, ca mouse-ul să stea mai aproape de tine. Switch-uri tactile hot-swap, taste din PBT și conexiune prin cablu sau Bluetooth.",
			),
			Price: catalog.EUR(12900), Stock: 30, LeadTimeDays: 2,
			WarrantyMonths: warrantyStandard,
			Specs: []catalog.Spec{
				spec("width", same("36 cm")),
				spec("weight", same("820 g")),
				spec("connectivity", same("USB-C, Bluetooth 5.1")),
				spec("battery", tr("4000 mAh, up to 200 h", "4000 mAh, hasta 200 h", "4000 mAh，最长 200 小时", "4000 mAh, până la 200 h")),
				spec("material", tr("Aluminium case, PBT keycaps", "Carcasa de aluminio, teclas de PBT", "铝合金外壳，PBT 键帽", "Carcasă din aluminiu, taste din PBT")),
			},
		},
		{
			Slug: "wireless-mouse", SKU: "VT-CO-004", Category: "computing",
			Name: tr("Ergonomic wireless mouse", "Ratón inalámbrico ergonómico", "人体工学无线鼠标", "Mouse wireless ergonomic"),
			Description: tr(
				"A sculpted wireless mouse that holds your hand at a natural angle, with quiet clicks and a free-spinning wheel for long documents. It pairs with up to three devices.",
				"Un ratón inalámbrico de forma esculpida que mantiene la mano en un ángulo natural, con clics silenciosos y una rueda de giro libre para documentos largos. Se empareja con hasta tres dispositivos.",
				"造型贴合手掌的无线鼠标，让手保持自然角度；按键静音，滚轮可自由快速滚动，浏览长文档更轻松。最多可与三台设备配对。",
				"Un mouse wireless cu formă sculptată, care ține mâna într-un unghi natural, cu clicuri silențioase și o rotiță liberă pentru documente lungi. Se poate asocia cu până la trei dispozitive.",
			),
			Price: catalog.EUR(4990), Stock: 80, LeadTimeDays: 2,
			WarrantyMonths: warrantyStandard,
			Specs: []catalog.Spec{
				spec("connectivity", tr("Bluetooth or USB receiver", "Bluetooth o receptor USB", "蓝牙或 USB 接收器", "Bluetooth sau receptor USB")),
				spec("battery", tr("USB-C, up to 70 days", "USB-C, hasta 70 días", "USB-C 充电，续航最长 70 天", "USB-C, până la 70 de zile")),
				spec("resolution", same("200–8000 DPI")),
				spec("weight", same("141 g")),
				spec("colour", tr("Graphite", "Grafito", "石墨灰", "Grafit")),
			},
		},

		// Outdoor.
		{
			Slug: "garden-bench", SKU: "VT-OD-001", Category: "outdoor",
			Name: tr("Teak garden bench", "Banco de jardín de teca", "柚木花园长椅", "Bancă de grădină din tec"),
			Description: tr(
				"A two-seat bench in grade-A teak from certified plantations, joined with mortise and tenon and left untreated to weather to a silver grey. It can stay outside all year round.",
				"Un banco de dos plazas de teca de grado A procedente de plantaciones certificadas, ensamblado a caja y espiga y sin tratar, para que con el tiempo adquiera un tono gris plateado. Puede quedarse fuera todo el año.",
				"双人长椅，选用认证种植园的 A 级柚木，以榫卯结构拼接，不做表面处理，经风吹日晒后会自然变为银灰色。可全年放置于户外。",
				"O bancă pentru două persoane din tec de calitate A din plantații certificate, îmbinată prin cep și scobitură și lăsată netratată, ca să capete în timp o nuanță gri-argintie. Poate sta afară tot anul.",
			),
			Price: catalog.EUR(46900), Stock: 0, LeadTimeDays: 21,
			WarrantyMonths: warrantyFrame,
			Specs: []catalog.Spec{
				spec("width", same("120 cm")),
				spec("depth", same("60 cm")),
				spec("height", same("90 cm")),
				spec("seat_height", same("45 cm")),
				spec("weight", same("22 kg")),
				spec("material", tr("Grade-A teak, FSC certified", "Teca de grado A con certificación FSC", "FSC 认证 A 级柚木", "Tec de calitate A, certificat FSC")),
				spec("care", tr(
					"No treatment needed; teak oil keeps the golden colour",
					"No necesita tratamiento; el aceite de teca conserva el tono dorado",
					"无需保养；使用柚木油可保持金黄色泽",
					"Nu necesită tratament; uleiul de tec păstrează culoarea aurie",
				)),
			},
		},
		{
			Slug: "patio-parasol", SKU: "VT-OD-002", Category: "outdoor",
			Name: tr("Patio parasol, 3 m", "Sombrilla de terraza de 3 m", "3 米庭院遮阳伞", "Umbrelă de terasă de 3 m"),
			Description: tr(
				"A 3 m parasol with a crank that opens it in seconds and a push-button tilt to follow the sun. The solution-dyed canopy resists fading and blocks 98% of UV rays.",
				"Una sombrilla de 3 m con manivela que la abre en segundos y un pulsador para inclinarla según el sol. La lona, teñida en masa, resiste la decoloración y bloquea el 98 % de los rayos UV.",
				"3 米遮阳伞，摇柄数秒即可撑开，按钮式倾斜可随太阳调整角度。原液染色伞面不易褪色，可阻挡 98% 的紫外线。",
				"O umbrelă de 3 m cu manivelă care o deschide în câteva secunde și buton de înclinare pentru a urmări soarele. Pânza vopsită în masă rezistă la decolorare și blochează 98 % din razele UV.",
			),
			Price: catalog.EUR(24900), Stock: 11, LeadTimeDays: 4,
			WarrantyMonths: warrantyStandard,
			Specs: []catalog.Spec{
				spec("width", same("Ø 300 cm")),
				spec("height", same("255 cm")),
				spec("weight", same("9 kg")),
				spec("material", tr("Aluminium pole, solution-dyed polyester", "Mástil de aluminio, poliéster teñido en masa", "铝合金伞杆，原液染色涤纶", "Stâlp din aluminiu, poliester vopsit în masă")),
				spec("colour", tr("Sand", "Arena", "沙色", "Nisipiu")),
				spec("assembly", tr("Base sold separately", "Base no incluida", "底座需另购", "Baza se vinde separat")),
			},
		},
		{
			Slug: "camping-tent", SKU: "VT-OD-003", Category: "outdoor",
			Name: tr("Three-person dome tent", "Tienda iglú para tres personas", "三人圆顶帐篷", "Cort iglu pentru trei persoane"),
			Description: tr(
				"A freestanding dome tent for three that pitches in ten minutes, with two doors, two porches and a 3000 mm waterproof flysheet. Packed, it is the size of a sleeping bag.",
				"Una tienda iglú autoportante para tres personas que se monta en diez minutos, con dos puertas, dos ábsides y un doble techo impermeable de 3000 mm. Plegada, ocupa lo mismo que un saco de dormir.",
				"自立式三人圆顶帐篷，十分钟即可搭好，设有两个门、两个前厅和 3000 毫米防水外帐。收纳后只有睡袋大小。",
				"Un cort iglu autoportant pentru trei persoane, care se montează în zece minute, cu două uși, două abside și un dublu-acoperiș impermeabil de 3000 mm. Strâns, are cât un sac de dormit.",
			),
			Price: catalog.EUR(17900), Stock: 20, LeadTimeDays: 3,
			WarrantyMonths: warrantyStandard, Featured: true,
			Specs: []catalog.Spec{
				spec("capacity", tr("3 people", "3 personas", "3 人", "3 persoane")),
				spec("width", same("210 cm")),
				spec("depth", same("180 cm")),
				spec("height", same("120 cm")),
				spec("weight", same("3200 g")),
				spec("material", tr("Ripstop polyester, aluminium poles", "Poliéster ripstop, varillas de aluminio", "防撕裂涤纶，铝合金帐杆", "Poliester ripstop, bețe din aluminiu")),
				spec("assembly", tr("One person, about 10 min", "Una persona, unos 10 min", "一人约 10 分钟即可搭好", "O persoană, aproximativ 10 min")),
			},
		},
		{
			Slug: "sun-lounger", SKU: "VT-OD-004", Category: "outdoor",
			Name: tr("Sun lounger", "Tumbona", "日光躺椅", "Șezlong"),
			Description: tr(
				"A slim sun lounger in powder-coated aluminium with a quick-drying textilene sling and a five-position backrest. Wheels at the head end let you follow the sun across the terrace.",
				"Una tumbona esbelta de aluminio con pintura en polvo, lona de textilene de secado rápido y respaldo de cinco posiciones. Las ruedas del cabecero permiten seguir el sol por la terraza.",
				"纤薄的粉末喷涂铝合金躺椅，配有速干特斯林面料和五档可调靠背。头部一端装有轮子，可在露台上随阳光移动。",
				"Un șezlong zvelt din aluminiu vopsit în câmp electrostatic, cu pânză din textilenă care se usucă repede și spătar reglabil în cinci poziții. Roțile de la capăt îți permit să urmărești soarele pe terasă.",
			),
			Price: catalog.EUR(15900), Stock: 16, LeadTimeDays: 3,
			WarrantyMonths: warrantyStandard,
			Specs: []catalog.Spec{
				spec("width", same("65 cm")),
				spec("depth", same("195 cm")),
				spec("weight", same("11 kg")),
				spec("max_load", same("120 kg")),
				spec("material", tr("Aluminium, textilene", "Aluminio, textilene", "铝合金，特斯林面料", "Aluminiu, textilenă")),
				spec("care", tr(
					"Rinse with fresh water; stackable for winter",
					"Enjuagar con agua dulce; apilable para el invierno",
					"用清水冲洗；可叠放收纳过冬",
					"Se clătește cu apă dulce; se poate stivui pe timpul iernii",
				)),
			},
		},
	}
}
