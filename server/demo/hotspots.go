package demo

import "vitrine/showroom/catalog"

// hotspot is one marker on a product's model. x, y and z are metres in the
// final coordinates of the committed model (assets/web/models/<slug>.glb):
// the generator centres the footprint on x = z = 0 and stands the model on
// y = 0, +z being the side the shopper first sees. Each anchor below was
// placed on the visible surface of the part it explains, and the tests
// check that it lies on the model.
func hotspot(id string, x, y, z float64, title, text catalog.Text) catalog.Hotspot {
	return catalog.Hotspot{ID: id, Position: [3]float64{x, y, z}, Title: title, Text: text}
}

// hotspots returns the hotspots of every demo product by slug, two to four
// each, explaining what a shopper would otherwise have to dig out of the
// specifications: materials, mechanisms, care and safety. Every claim
// repeats the product's description or specs (catalog.go), so the two
// cannot disagree. It builds new values on every call, so callers may
// modify what they get.
func hotspots() map[string][]catalog.Hotspot {
	return map[string][]catalog.Hotspot{
		// Living room.
		"modular-sofa": {
			// Top of the middle seat cushion, near its front edge.
			hotspot("foam-seat", 0, 0.46, 0.38,
				tr("Deep foam seat", "Asiento de espuma mullido", "舒适泡棉坐垫", "Șezut moale din spumă"),
				tr("Foam seat cushions rest on a pine frame at a 44 cm seat height, low enough to sink into and high enough to get up from easily.",
					"Los cojines de espuma descansan sobre una estructura de pino, con el asiento a 44 cm: lo bastante bajo para hundirse en él y lo bastante alto para levantarse sin esfuerzo.",
					"泡棉坐垫搭配松木框架，座高 44 厘米，坐下去松软舒适，起身也毫不费力。",
					"Pernele din spumă stau pe un cadru din pin, cu șezutul la 44 cm: destul de jos ca să te afunzi în canapea și destul de sus ca să te ridici ușor.")),
			// Front face of the left seat cushion, where the zip runs.
			hotspot("washable-covers", -0.64, 0.385, 0.47,
				tr("Zip-off washable covers", "Fundas lavables con cremallera", "拉链可拆洗沙发套", "Huse lavabile cu fermoar"),
				tr("Every cover unzips and goes in the washing machine at 30 °C, so a spilt drink is no disaster.",
					"Todas las fundas se quitan con cremallera y se lavan a máquina a 30 °C, así que una bebida derramada no es ningún drama.",
					"每个沙发套都带拉链，可取下在 30 °C 下机洗，饮料洒了也不用担心。",
					"Fiecare husă se scoate cu fermoar și se spală la mașină la 30 °C, așa că o băutură vărsată nu mai e o problemă.")),
			// Top of the right arm.
			hotspot("modules", 1.055, 0.64, 0.3,
				tr("Swap arms, add a chaise", "Cambia brazos, añade un chaise longue", "可换扶手、加贵妃位", "Schimbi brațele, adaugi un șezlong"),
				tr("The sofa is built from modules: add a chaise, change the arms or choose another cover in the configurator, now or years from now.",
					"El sofá se compone de módulos: añade un chaise longue, cambia los brazos o elige otra funda en el configurador, ahora o dentro de unos años.",
					"沙发由模块组成：可在配置器中加装贵妃位、更换扶手或挑选新的沙发套，现在或几年后都可以。",
					"Canapeaua e alcătuită din module: adaugă un șezlong, schimbă brațele sau alege altă husă din configurator, acum sau peste câțiva ani.")),
		},
		"oak-coffee-table": {
			// The top, in front of its centre.
			hotspot("oiled-oak", 0, 0.422, 0.15,
				tr("Hand-oiled solid oak", "Roble macizo aceitado a mano", "手工上油的实木橡木", "Stejar masiv tratat manual cu ulei"),
				tr("The top is solid European oak finished by hand with natural oil, and its colour grows warmer over the years. Wipe it with a damp cloth and re-oil it once a year.",
					"El tablero es de roble europeo macizo con acabado de aceite natural aplicado a mano, y su color se vuelve más cálido con los años. Límpialo con un paño húmedo y vuelve a aceitarlo una vez al año.",
					"桌面为欧洲橡木实木，手工涂抹天然木蜡油，色泽会随岁月愈发温润。日常用湿布擦拭，每年重新上油一次即可。",
					"Blatul este din stejar european masiv, finisat manual cu ulei natural, iar culoarea lui devine tot mai caldă cu anii. Se șterge cu o cârpă umedă și se tratează din nou cu ulei o dată pe an.")),
			// The rounded edge at the front.
			hotspot("soft-edge", 0, 0.406, 0.45,
				tr("Softened round edge", "Canto redondeado", "圆润的桌边", "Margine rotunjită"),
				tr("The edge is rounded over and a round top has no corners at all, so the table is kind to knees and to children running past.",
					"El canto está redondeado y, al ser redonda, la mesa no tiene ni una esquina: es más amable con las rodillas y con los niños que corretean alrededor.",
					"桌边经过圆角处理，圆形桌面更是没有任何尖角，不易磕到膝盖，孩子在旁边跑来跑去也更安心。",
					"Marginea este rotunjită, iar blatul rotund nu are niciun colț, așa că masa e blândă cu genunchii și cu copiii care aleargă prin jur.")),
			// Outer face of the front right leg, below the apron.
			hotspot("screw-in-legs", 0.247, 0.302, 0.247,
				tr("Screw-in legs", "Patas atornillables", "旋入式桌腿", "Picioare cu filet"),
				tr("The four splayed legs simply screw in, so the table is assembled in about ten minutes.",
					"Las cuatro patas abiertas se enroscan sin más, así que la mesa queda montada en unos diez minutos.",
					"四条外撇的桌腿直接旋入即可，大约十分钟就能装好。",
					"Cele patru picioare ușor înclinate se înșurubează pur și simplu, așa că masa e montată în aproximativ zece minute.")),
		},
		"linen-armchair": {
			// Top of the seat cushion, towards the front.
			hotspot("deep-seat", 0, 0.473, 0.33,
				tr("Deep, low seat", "Asiento amplio y bajo", "宽深低矮的座面", "Șezut adânc și jos"),
				tr("A loose cushion on a deep seat only 41 cm off the floor invites you to curl up with a book for the afternoon.",
					"Un cojín suelto sobre un asiento profundo, a solo 41 cm del suelo, invita a acurrucarse con un libro toda la tarde.",
					"宽深的座面离地仅 41 厘米，再配上活动坐垫，让人想窝在里面读一下午的书。",
					"O pernă detașabilă pe un șezut adânc, la doar 41 cm de podea, te îmbie să te cuibărești cu o carte toată după-amiaza.")),
			// Top of the left arm.
			hotspot("washed-linen", -0.33, 0.603, 0.24,
				tr("Washed linen upholstery", "Tapizado de lino lavado", "水洗亚麻面料", "Tapițerie din in spălat"),
				tr("Stone-grey washed linen feels soft from the first day and breathes, so the chair stays comfortable in warm weather too.",
					"El lino lavado gris piedra es suave desde el primer día y transpira, así que el sillón resulta agradable incluso cuando hace calor.",
					"石灰色水洗亚麻从第一天起就柔软亲肤，而且透气，天热时坐着也舒适。",
					"Inul spălat gri piatră e moale din prima zi și respiră, așa că fotoliul rămâne confortabil și pe vreme caldă.")),
			// Front face of the front left leg.
			hotspot("beech-legs", -0.337, 0.093, 0.396,
				tr("Solid beech legs", "Patas de haya maciza", "实木山毛榉椅腿", "Picioare din fag masiv"),
				tr("Tapered legs in solid beech carry the frame, which has a five-year warranty.",
					"Las patas cónicas de haya maciza sostienen una estructura con cinco años de garantía.",
					"锥形实木山毛榉椅腿稳稳托起椅身，框架享有五年保修。",
					"Picioarele conice din fag masiv susțin un cadru cu garanție de cinci ani.")),
		},
		"arc-floor-lamp": {
			// Top of the base, in front of the stem.
			hotspot("marble-base", -0.695, 0.047, 0.12,
				tr("Heavy marble base", "Base de mármol pesada", "厚重的大理石底座", "Bază grea din marmură"),
				tr("The marble base keeps the lamp (18 kg in all) steady, even with its long arc reaching out over the sofa.",
					"La base de mármol mantiene estable la lámpara (18 kg en total), aunque su largo arco se extienda por encima del sofá.",
					"大理石底座沉稳厚重（整灯重 18 公斤），即使长长的灯臂伸到沙发上方，灯也稳稳当当。",
					"Baza din marmură ține lampa (18 kg în total) stabilă, chiar dacă arcul ei lung se întinde deasupra canapelei.")),
			// Front of the arc at its highest point.
			hotspot("brass-arc", 0.005, 1.9, 0.012,
				tr("Brushed brass arc", "Arco de latón cepillado", "拉丝黄铜弧臂", "Arc din alamă periată"),
				tr("The brushed brass arc rises to 195 cm and spans 150 cm, bringing light over the table in front of the sofa without a ceiling point.",
					"El arco de latón cepillado alcanza 195 cm de altura y 150 cm de vuelo, y lleva la luz hasta la mesa frente al sofá sin necesidad de un punto de luz en el techo.",
					"拉丝黄铜弧臂高 195 厘米、跨度 150 厘米，无需在天花板上预留灯位，也能把光线送到沙发前的茶几上。",
					"Arcul din alamă periată se înalță la 195 cm și are o deschidere de 150 cm, aducând lumina deasupra mesei din fața canapelei fără un punct de iluminat în tavan.")),
			// Front of the shade, halfway down.
			hotspot("linen-shade", 0.67, 1.126, 0.168,
				tr("Pleated linen shade", "Pantalla de lino plisada", "褶皱亚麻灯罩", "Abajur plisat din in"),
				tr("The pleated linen shade turns an E27 LED bulb of up to 12 W into a soft glow; set the brightness with the foot switch.",
					"La pantalla de lino plisada convierte la luz de una bombilla LED E27 de hasta 12 W en un resplandor suave; regula la intensidad con el interruptor de pie.",
					"褶皱亚麻灯罩将最高 12 W 的 E27 LED 灯泡的光线柔化成温和的光晕；用脚踏开关即可调节亮度。",
					"Abajurul plisat din in transformă lumina unui bec LED E27 de până la 12 W într-o strălucire blândă; intensitatea se reglează din întrerupătorul de picior.")),
		},

		// Home office.
		"standing-desk": {
			// Front of the handset, beside its display.
			hotspot("memory-presets", 0.46, 0.712, 0.34,
				tr("Four memory presets", "Cuatro alturas memorizadas", "四组高度记忆", "Patru înălțimi memorate"),
				tr("Save your sitting and standing heights on the handset, and the desk goes back to either at the touch of a button.",
					"Guarda en el mando tus alturas para trabajar sentado y de pie, y el escritorio vuelve a cualquiera de ellas con solo pulsar un botón.",
					"在控制面板上保存坐姿和站姿高度，轻按一下按钮，桌面就会自动升降到位。",
					"Salvează pe panoul de comandă înălțimile pentru lucrul așezat și în picioare, iar biroul revine la oricare dintre ele cu o singură apăsare.")),
			// Front of the left column, where its motor sits.
			hotspot("dual-motor", -0.56, 0.3, 0.03,
				tr("Two motors, 65–130 cm", "Dos motores, de 65 a 130 cm", "双电机，65–130 厘米", "Două motoare, 65–130 cm"),
				tr("A motor in each leg lifts up to 120 kg smoothly from 65 to 130 cm in seconds, so the desk suits short and tall people alike.",
					"Un motor en cada pata eleva hasta 120 kg con suavidad, de 65 a 130 cm en segundos, así que el escritorio se adapta tanto a personas bajas como altas.",
					"两侧桌腿各有一台电机，可承重 120 公斤，数秒内即可在 65 至 130 厘米之间平稳升降，高个子矮个子都合适。",
					"Câte un motor în fiecare picior ridică lin până la 120 kg, de la 65 la 130 cm în câteva secunde, așa că biroul se potrivește atât oamenilor scunzi, cât și celor înalți.")),
			// The top, left of centre.
			hotspot("oak-top", -0.3, 0.75, 0.2,
				tr("Oak veneer top", "Tablero chapado en roble", "橡木贴皮桌面", "Blat furniruit cu stejar"),
				tr("A 140 × 70 cm oak-veneered top on a powder-coated steel frame; choose another size, finish or frame colour in the configurator.",
					"Un tablero de 140 × 70 cm chapado en roble sobre una estructura de acero con pintura en polvo; en el configurador puedes elegir otro tamaño, otro acabado u otro color de estructura.",
					"140 × 70 厘米橡木贴皮桌面，搭配粉末喷涂钢架；也可在配置器中选择其他尺寸、饰面和桌架颜色。",
					"Un blat de 140 × 70 cm furniruit cu stejar, pe un cadru din oțel vopsit în câmp electrostatic; în configurator poți alege altă dimensiune, alt finisaj sau altă culoare a cadrului.")),
		},
		"ergonomic-chair": {
			// Front of the mesh back, where the lumbar support bulges.
			hotspot("lumbar-support", 0, 0.705, -0.201,
				tr("Adjustable lumbar support", "Soporte lumbar regulable", "可调节腰托", "Suport lombar reglabil"),
				tr("Move the lumbar support up or down until it fits the curve of your lower back; the breathable mesh around it keeps you cool through an eight-hour day.",
					"Sube o baja el soporte lumbar hasta que encaje con la curva de tu espalda; la malla transpirable que lo rodea te mantiene fresco durante una jornada de ocho horas.",
					"上下调节腰托，使其贴合下背部的曲线；四周的透气网布让你在八小时的工作日里始终保持凉爽。",
					"Ridică sau coboară suportul lombar până se potrivește cu curbura spatelui; plasa respirantă din jur te ține răcoros pe tot parcursul unei zile de lucru de opt ore.")),
			// Top of the right armrest.
			hotspot("4d-armrests", 0.27, 0.68, 0.107,
				tr("4D armrests", "Reposabrazos 4D", "4D 扶手", "Cotiere 4D"),
				tr("Each armrest moves up and down, forwards and back, in and out, and swivels, so your forearms rest level with the desk and your shoulders can relax.",
					"Cada reposabrazos sube y baja, se desplaza hacia delante y hacia atrás, hacia dentro y hacia fuera, y gira, para que los antebrazos descansen a la altura de la mesa y los hombros se relajen.",
					"扶手可上下、前后、左右调节，还能旋转，让前臂与桌面齐平，肩膀得以放松。",
					"Fiecare cotieră se reglează în sus și în jos, înainte și înapoi, spre interior și spre exterior și se rotește, ca antebrațele să stea la nivelul biroului, iar umerii să se relaxeze.")),
			// Front of the chrome gas lift under the seat.
			hotspot("height-and-tilt", 0, 0.35, 0.065,
				tr("Height and synchronised tilt", "Altura y basculante sincronizado", "升降与同步倾仰", "Înălțime și înclinare sincronă"),
				tr("The gas lift sets the seat anywhere from 44 to 54 cm, and when you lean back the seat tilts with the backrest, so your feet stay flat on the floor.",
					"El pistón de gas ajusta el asiento entre 44 y 54 cm y, al reclinarte, el asiento acompaña al respaldo, de modo que los pies siguen apoyados en el suelo.",
					"气压杆可将座高调节在 44 至 54 厘米之间；向后靠时，座面随靠背同步倾仰，双脚始终平放在地上。",
					"Pistonul cu gaz reglează șezutul oriunde între 44 și 54 cm, iar când te lași pe spate, șezutul se înclină odată cu spătarul, așa că tălpile rămân pe podea.")),
		},
		"desk-lamp": {
			// Front of the shade.
			hotspot("tunable-led", 0.2, 0.329, 0.054,
				tr("Flicker-free, tunable LED", "LED regulable sin parpadeo", "无频闪可调光 LED", "LED reglabil, fără pâlpâire"),
				tr("The 8 W LED never flickers, and you set both its brightness and its colour, from a warm 2700 K to crisp 5000 K daylight.",
					"El LED de 8 W no parpadea, y puedes regular tanto su intensidad como su color, desde un cálido 2700 K hasta una luz diurna nítida de 5000 K.",
					"8 W LED 光源无频闪，亮度和色温都可以调节，从温暖的 2700 K 到清爽的 5000 K 日光。",
					"LED-ul de 8 W nu pâlpâie, iar tu îi reglezi atât intensitatea, cât și culoarea, de la un 2700 K cald până la o lumină de zi clară de 5000 K.")),
			// Front of the elbow joint.
			hotspot("balanced-arm", -0.104, 0.42, 0.02,
				tr("Spring-balanced arm", "Brazo equilibrado con muelles", "弹簧平衡灯臂", "Braț echilibrat cu arcuri"),
				tr("Springs balance the steel arm, so the head stays wherever you leave it, with nothing to tighten.",
					"Unos muelles equilibran el brazo de acero, de modo que el cabezal se queda donde lo dejes sin tener que apretar nada.",
					"弹簧平衡钢制灯臂，灯头放在哪里就停在哪里，无需拧紧任何部件。",
					"Arcurile echilibrează brațul din oțel, așa că lampa rămâne exact unde o lași, fără să strângi nimic.")),
			// Front edge of the weighted base.
			hotspot("base-and-clamp", -0.204, 0.015, 0.088,
				tr("Weighted base with USB-A", "Base con contrapeso y USB-A", "带 USB-A 口的配重底座", "Bază cu contragreutate și USB-A"),
				tr("Stand it on the weighted base, whose USB-A port charges your phone, or fix it with the clamp, also in the box, to free up desk space.",
					"Colócala sobre la base con contrapeso, cuyo puerto USB-A carga el móvil, o sujétala con la pinza, también incluida, para ganar espacio en la mesa.",
					"可放在配重底座上使用，底座的 USB-A 口能给手机充电；也可换用同样随附的桌夹，腾出桌面空间。",
					"Așază-o pe baza cu contragreutate, al cărei port USB-A îți încarcă telefonul, sau prinde-o cu clema, inclusă și ea, ca să faci loc pe birou.")),
		},
		"oak-bookshelf": {
			// Front edge of the middle shelf.
			hotspot("strong-shelves", 0, 0.805, 0.17,
				tr("30 kg per shelf", "30 kg por balda", "每层承重 30 公斤", "30 kg pe raft"),
				tr("Each of the five solid oak shelves carries 30 kg, enough for a full row of heavy art books without sagging.",
					"Cada una de las cinco baldas de roble macizo soporta 30 kg, suficiente para una fila entera de pesados libros de arte sin combarse.",
					"五块实木橡木层板每层可承重 30 公斤，摆满一排厚重的画册也不会下垂变形。",
					"Fiecare dintre cele cinci rafturi din stejar masiv susține 30 kg, destul pentru un rând întreg de albume grele, fără să se curbeze.")),
			// Front edge of the left side panel, at eye height.
			hotspot("oak-lacquer", -0.4375, 1.3, 0.175,
				tr("Solid oak, matt lacquer", "Roble macizo, laca mate", "实木橡木，哑光清漆", "Stejar masiv, lac mat"),
				tr("Solid oak sealed with a matt lacquer that keeps the natural look of the wood and wipes clean. Two people assemble it in about 45 minutes.",
					"Roble macizo protegido con una laca mate que conserva el aspecto natural de la madera y se limpia con un paño. Entre dos personas se monta en unos 45 minutos.",
					"实木橡木外覆哑光清漆，保留木材的自然质感，擦拭即可清洁。两人约 45 分钟即可组装完成。",
					"Stejar masiv protejat cu un lac mat care păstrează aspectul natural al lemnului și se curăță ușor. Două persoane îl montează în aproximativ 45 de minute.")),
			// Top of the second shelf, by its back edge, where the back is open.
			hotspot("open-back", 0.2, 0.456, -0.15,
				tr("Open back, room divider", "Trasera abierta, separa ambientes", "开放背板，可作隔断", "Spate deschis, separă camera"),
				tr("With no back panel it stands against a wall or divides a room, and there its 90 × 35 cm shelves can be reached from both sides.",
					"Sin panel trasero, puede ir contra la pared o separar ambientes, y entonces a sus baldas de 90 × 35 cm se llega desde ambos lados.",
					"没有背板，既可靠墙摆放，也可用作空间隔断；作隔断时，90 × 35 厘米的层板两面都能取放。",
					"Fără panou în spate, stă lângă perete sau separă o cameră, iar atunci rafturile de 90 × 35 cm sunt la îndemână din ambele părți.")),
		},

		// Bedroom & storage.
		"platform-bed": {
			// Top of the mattress between the pillows and the duvet.
			hotspot("mattress-size", 0, 0.47, -0.47,
				tr("Standard mattress size", "Colchón de medida estándar", "标准床垫尺寸", "Saltea de mărime standard"),
				tr("The frame takes any standard 160 × 200 cm mattress and carries up to 300 kg. The mattress and bedding shown are not included.",
					"La estructura admite cualquier colchón estándar de 160 × 200 cm y soporta hasta 300 kg. El colchón y la ropa de cama que se ven no están incluidos.",
					"床架适配任何标准 160 × 200 厘米床垫，最大承重 300 公斤。图中的床垫和床品不包含在内。",
					"Cadrul primește orice saltea standard de 160 × 200 cm și susține până la 300 kg. Salteaua și lenjeria din imagine nu sunt incluse.")),
			// Front of the foot rail, level with the slats behind it.
			hotspot("slatted-base", -0.4, 0.2, 1.09,
				tr("Birch slats built in", "Somier de láminas integrado", "内置桦木排骨架", "Somieră din lamele integrată"),
				tr("Birch slats are built into the frame, so the mattress goes straight on top and breathes; no box spring needed.",
					"Las láminas de abedul van integradas en la estructura, así que el colchón se coloca directamente encima y transpira; no hace falta ninguna base adicional.",
					"桦木排骨架内嵌在床架中，床垫直接放上即可，透气良好，无需另配床箱。",
					"Lamelele din mesteacăn sunt integrate în cadru, așa că salteaua se așază direct pe ele și respiră; nu ai nevoie de o bază suplimentară.")),
			// Top of the oak headboard.
			hotspot("made-to-order", 0.4, 1, -1.05,
				tr("Solid oak, made to order", "Roble macizo, por encargo", "实木橡木，按订单制作", "Stejar masiv, la comandă"),
				tr("The frame is solid oak, made to order in our partner workshop: allow about five weeks. Two people assemble it in an hour.",
					"La estructura es de roble macizo y se fabrica por encargo en nuestro taller asociado: cuenta con unas cinco semanas. Entre dos personas se monta en una hora.",
					"床架为实木橡木，由合作工坊按订单制作，约需五周。两人一小时即可组装完成。",
					"Cadrul este din stejar masiv, realizat la comandă în atelierul nostru partener: durează aproximativ cinci săptămâni. Două persoane îl montează într-o oră.")),
		},
		"oak-wardrobe": {
			// Left door, near its hinged edge.
			hotspot("soft-close", -0.45, 1.6, 0.271,
				tr("Soft-closing hinges", "Bisagras de cierre suave", "缓冲静音铰链", "Balamale cu închidere lentă"),
				tr("The doors slow down just before they shut and close silently, even when pushed hard, so nobody wakes up when you dress early.",
					"Las puertas frenan justo antes de cerrarse y lo hacen en silencio aunque se empujen con fuerza, así que nadie se despierta cuando te vistes temprano.",
					"柜门在即将关上时会自动减速，即使用力推也能无声地合上，清晨早起换衣也不会吵醒家人。",
					"Ușile încetinesc chiar înainte să se închidă și se închid fără zgomot, chiar dacă le împingi tare, așa că nu trezești pe nimeni când te îmbraci devreme.")),
			// Right door, in front of the hanging rail.
			hotspot("interior", 0.25, 1.3, 0.271,
				tr("Rail and two shelves inside", "Barra y dos baldas dentro", "内设挂衣杆和两块层板", "Bară și două rafturi în interior"),
				tr("Behind the doors are a full-width hanging rail and two shelves you can move up or down to suit folded clothes or boxes.",
					"Tras las puertas hay una barra para colgar a todo lo ancho y dos baldas que puedes subir o bajar según la ropa doblada o las cajas que guardes.",
					"柜门后是一根通长挂衣杆和两块可调高度的层板，适合放叠好的衣物或收纳盒。",
					"În spatele ușilor găsești o bară pentru umerașe pe toată lățimea și două rafturi pe care le poți muta mai sus sau mai jos, pentru haine împăturite sau cutii.")),
			// Right side of the carcass.
			hotspot("delivered-assembled", 0.5, 1, 0,
				tr("Solid oak, delivered assembled", "Roble macizo, llega montado", "实木橡木，送货安装", "Stejar masiv, livrat montat"),
				tr("Made to order in solid oak in our partner workshop and delivered assembled, so there is nothing for you to put together.",
					"Se fabrica por encargo en roble macizo en nuestro taller asociado y se entrega montado, así que no tendrás que ensamblar nada.",
					"由合作工坊以实木橡木按订单制作，送货上门安装，无需自己动手组装。",
					"Realizat la comandă din stejar masiv în atelierul nostru partener și livrat montat, deci nu ai nimic de asamblat.")),
		},
		"bedside-table": {
			// Drawer front, left of the knob.
			hotspot("soft-close-drawer", -0.12, 0.467, 0.174,
				tr("Soft-closing drawer", "Cajón de cierre suave", "缓冲抽屉", "Sertar cu închidere lentă"),
				tr("The drawer pulls itself shut quietly over the last few centimetres, so it never bangs at night.",
					"El cajón se cierra solo y sin ruido en los últimos centímetros, así que nunca da golpes por la noche.",
					"抽屉在最后几厘米会自动缓缓合上，夜里也不会发出碰撞声。",
					"Sertarul se închide singur și silențios pe ultimii centimetri, așa că nu se trântește niciodată noaptea.")),
			// Floor of the open shelf, near the front.
			hotspot("open-shelf", 0, 0.224, 0.13,
				tr("Open shelf for books", "Estante abierto para libros", "开放式书架", "Raft deschis pentru cărți"),
				tr("The open shelf under the drawer keeps the books you are reading within reach, without opening anything in the dark.",
					"El estante abierto bajo el cajón deja a mano los libros que estás leyendo, sin tener que abrir nada a oscuras.",
					"抽屉下方的开放层架可以放正在读的书，伸手就能拿到，黑暗中也不用开抽屉。",
					"Raftul deschis de sub sertar îți ține la îndemână cărțile pe care le citești, fără să deschizi nimic pe întuneric.")),
			// Back panel, where the cable hole is.
			hotspot("cable-hole", 0, 0.45, -0.21,
				tr("Cable hole at the back", "Pasacables trasero", "背部走线孔", "Orificiu pentru cabluri"),
				tr("Run the charger cable through the hole in the back panel: your phone charges on top and the plug stays out of sight.",
					"Pasa el cable del cargador por el orificio del panel trasero: el móvil se carga encima de la mesita y el enchufe queda fuera de la vista.",
					"充电线从背板的走线孔穿过，手机放在桌面上充电，插头藏在后面看不见。",
					"Trece cablul încărcătorului prin orificiul din panoul din spate: telefonul se încarcă deasupra, iar ștecherul rămâne ascuns.")),
		},
		"chest-of-drawers": {
			// Front of the top right drawer, below its pull.
			hotspot("full-extension", 0.29, 0.64, 0.2245,
				tr("Full-extension runners", "Guías de extracción total", "全拉出滑轨", "Glisiere cu extragere completă"),
				tr("All six deep drawers run on full-extension runners and open all the way, so you reach what is at the very back.",
					"Los seis cajones profundos se deslizan sobre guías de extracción total y se abren por completo, para llegar sin esfuerzo hasta el fondo.",
					"六个深抽屉均采用全拉出滑轨，可以完全拉开，最里面的东西也能轻松拿到。",
					"Toate cele șase sertare adânci alunecă pe glisiere cu extragere completă și se deschid până la capăt, ca să ajungi ușor și la ce e în spate.")),
			// Top, along the back edge that the wall fitting holds.
			hotspot("anti-tip", 0, 0.84, -0.225,
				tr("Anti-tip wall fitting", "Fijación antivuelco a la pared", "防倾倒墙面固定件", "Prindere anti-răsturnare"),
				tr("The fittings in the box fix the back of the chest to the wall, so it cannot tip over if a child climbs the open drawers.",
					"Los herrajes incluidos fijan la parte trasera de la cómoda a la pared para que no pueda volcar si un niño trepa por los cajones abiertos.",
					"随附的固定件可将斗柜背部固定在墙上，即使孩子攀爬打开的抽屉，柜子也不会倾倒。",
					"Accesoriile incluse prind spatele comodei de perete, ca să nu se poată răsturna dacă un copil se cațără pe sertarele deschise.")),
			// The top, left of centre.
			hotspot("oak-lacquer", -0.35, 0.84, 0.05,
				tr("Solid oak, matt lacquer", "Roble macizo, laca mate", "实木橡木，哑光清漆", "Stejar masiv, lac mat"),
				tr("Solid oak under a matt lacquer that keeps the natural look of the wood and wipes clean with a damp cloth. Two people assemble it in about an hour.",
					"Roble macizo bajo una laca mate que conserva el aspecto natural de la madera y se limpia con un paño húmedo. Entre dos personas se monta en aproximadamente una hora.",
					"实木橡木外覆哑光清漆，保留木材的自然质感，用湿布一擦即净。两人约一小时即可组装完成。",
					"Stejar masiv sub un lac mat care păstrează aspectul natural al lemnului și se curăță cu o cârpă umedă. Două persoane o montează în aproximativ o oră.")),
		},

		// Cycling. The bike is seen from its drive side (+z) and rides
		// towards +x.
		"city-bike": {
			// Outer face of the belt sprocket, below the guard.
			hotspot("belt-drive", -0.01, 0.2, 0.056,
				tr("Belt drive, no oil", "Transmisión por correa, sin aceite", "免上油皮带传动", "Transmisie pe curea, fără ulei"),
				tr("A toothed belt replaces the chain: it never needs oil, does not rust and leaves no grease on your trousers.",
					"Una correa dentada sustituye a la cadena: no necesita aceite, no se oxida y no te mancha el pantalón de grasa.",
					"齿形皮带取代了链条：无需上油、不会生锈，也不会把油污蹭到裤腿上。",
					"O curea dințată înlocuiește lanțul: nu are nevoie de ulei, nu ruginește și nu îți murdărește pantalonii cu vaselină.")),
			// Flange of the rear hub, which holds the gears.
			hotspot("hub-gears", -0.55, 0.33, 0.035,
				tr("Nexus 7-speed hub", "Buje Nexus de 7 velocidades", "Nexus 7 速内变速花鼓", "Butuc Nexus cu 7 viteze"),
				tr("Seven Shimano Nexus gears are sealed inside the rear hub, away from rain and grit, and you can change gear even while stopped at a light.",
					"Las siete velocidades del Shimano Nexus van protegidas dentro del buje trasero, lejos de la lluvia y la suciedad, y puedes cambiar incluso parado en un semáforo.",
					"Shimano Nexus 七速变速机构密封在后花鼓内，不怕雨水和泥沙，停下来等红灯时也能换挡。",
					"Cele șapte viteze Shimano Nexus sunt închise în butucul din spate, ferite de ploaie și de mizerie, și poți schimba viteza chiar și când stai la semafor.")),
			// Front of the near grip, where the brake lever sits.
			hotspot("disc-brakes", 0.315, 0.968, 0.289,
				tr("Hydraulic disc brakes", "Frenos de disco hidráulicos", "液压碟刹", "Frâne hidraulice pe disc"),
				tr("The levers by the grips work hydraulic disc brakes that stop you surely with two fingers, in the wet as well as the dry.",
					"Las manetas junto a los puños accionan frenos de disco hidráulicos que te detienen con seguridad con solo dos dedos, tanto en seco como con lluvia.",
					"把手旁的刹车手柄控制液压碟刹，两根手指就能稳稳刹停，晴天雨天都一样可靠。",
					"Manetele de lângă mânere acționează frâne hidraulice pe disc care te opresc sigur cu două degete, pe uscat sau pe ud.")),
			// Near side of the down tube, above the sprocket.
			hotspot("aluminium-frame", 0.125, 0.33, 0.021,
				tr("Light aluminium frame", "Cuadro ligero de aluminio", "轻量铝合金车架", "Cadru ușor din aluminiu"),
				tr("The step-through frame in 6061 aluminium keeps the bike at 13 kg yet carries up to 120 kg of rider and luggage; choose its size and colour in the configurator.",
					"El cuadro abierto de aluminio 6061 deja la bicicleta en 13 kg y aun así soporta hasta 120 kg entre ciclista y equipaje; elige la talla y el color en el configurador.",
					"低跨点 6061 铝合金车架让整车仅重 13 公斤，却能承载骑行者和行李共 120 公斤；可在配置器中选择尺寸和颜色。",
					"Cadrul cu acces jos din aluminiu 6061 ține bicicleta la 13 kg, dar duce până la 120 kg cu tot cu biciclist și bagaje; alege mărimea și culoarea în configurator.")),
		},
		"cycling-helmet": {
			// The rear light, on the back of the shell.
			hotspot("rear-light", 0, 0.079, -0.152,
				tr("Rechargeable rear light", "Luz trasera recargable", "可充电尾灯", "Lumină spate reîncărcabilă"),
				tr("A red LED built into the back makes you easy to see from behind; it charges over USB-C and lasts 10 hours.",
					"Un LED rojo integrado en la parte trasera te hace bien visible desde atrás; se carga por USB-C y dura 10 horas.",
					"后部内置红色 LED 灯，让后方的人更容易看见你；USB-C 充电，可持续亮 10 小时。",
					"Un LED roșu integrat în spate te face ușor de văzut din urmă; se încarcă prin USB-C și ține 10 ore.")),
			// Top of the shell, between two vents.
			hotspot("in-mould-shell", 0.039, 0.194, 0,
				tr("In-mould shell", "Carcasa in-mould", "一体成型外壳", "Carcasă in-mould"),
				tr("The polycarbonate shell is fused to the EPS foam in the mould, so the helmet is light (340 g) and strong. Replace it after any impact, even if it looks fine.",
					"La carcasa de policarbonato se funde con la espuma EPS en el propio molde, así que el casco es ligero (340 g) y resistente. Sustitúyelo tras cualquier impacto, aunque parezca intacto.",
					"聚碳酸酯外壳在模具中与 EPS 泡沫内衬融为一体，头盔轻巧（340 克）又坚固。受到任何撞击后都请更换，即使外表看起来完好。",
					"Carcasa din policarbonat se contopește cu spuma EPS chiar în matriță, așa că casca e ușoară (340 g) și rezistentă. Înlocuiește casca după orice impact, chiar dacă pare intactă.")),
			// Right side of the shell, above the strap.
			hotspot("magnetic-buckle", 0.104, 0.055, 0.01,
				tr("Magnetic buckle", "Cierre magnético", "磁吸扣", "Cataramă magnetică"),
				tr("The chin strap closes with a magnetic buckle you can do up with one hand, even in gloves.",
					"La correa se abrocha bajo la barbilla con un cierre magnético que se maneja con una sola mano, incluso con guantes.",
					"下巴带采用磁吸扣，单手就能扣上，戴着手套也很方便。",
					"Cureaua de sub bărbie se închide cu o cataramă magnetică pe care o prinzi cu o singură mână, chiar și cu mănuși.")),
		},
		"bike-light-set": {
			// The front light's lens.
			hotspot("front-beam", -0.0525, 0.031, 0.047,
				tr("400-lumen front beam", "Haz delantero de 400 lúmenes", "400 流明前灯", "Lumină față de 400 de lumeni"),
				tr("The front light's road-legal beam lights the road ahead with 400 lumens but is cut off at the top, so it does not dazzle oncoming drivers.",
					"El haz homologado de la luz delantera ilumina la calzada con 400 lúmenes, pero está recortado por arriba para no deslumbrar a los conductores que vienen de frente.",
					"前灯光型符合道路法规，以 400 流明照亮前方路面，上沿有明暗截止线，不会让对向驾驶员炫目。",
					"Fasciculul omologat al luminii din față luminează drumul cu 400 de lumeni, dar e tăiat în partea de sus, ca să nu-i orbească pe șoferii din sens opus.")),
			// The rear light's lens.
			hotspot("rear-light", 0.055, 0.032, 0.031,
				tr("Rear light, USB-C charging", "Luz trasera, carga USB-C", "尾灯，USB-C 充电", "Lumină spate, încărcare USB-C"),
				tr("The 30-lumen red rear light keeps you seen from behind. Both lights charge over USB-C and run for up to 10 hours.",
					"La luz trasera roja de 30 lúmenes te hace visible desde atrás. Las dos luces se cargan por USB-C y funcionan hasta 10 horas.",
					"30 流明红色尾灯让后方来车看得见你。两盏灯都通过 USB-C 充电，续航最长 10 小时。",
					"Lumina roșie din spate, de 30 de lumeni, te face vizibil din urmă. Ambele lumini se încarcă prin USB-C și funcționează până la 10 ore.")),
			// Side of the rear light's silicone mount.
			hotspot("silicone-strap", 0.07, 0.007, 0,
				tr("Tool-free silicone strap", "Correa de silicona sin herramientas", "免工具硅胶绑带", "Curea din silicon, fără scule"),
				tr("A stretchy silicone strap holds each light on the handlebar or seat post, and takes it off in a second when you park.",
					"Una correa elástica de silicona sujeta cada luz al manillar o a la tija del sillín, y la suelta en un segundo cuando aparcas.",
					"弹性硅胶绑带可将灯固定在车把或座杆上，停车时一秒就能取下。",
					"O curea elastică din silicon prinde fiecare lumină de ghidon sau de tija șeii și o eliberează într-o secundă când parchezi.")),
		},
		"u-lock": {
			// Front of the left leg of the shackle.
			hotspot("hardened-shackle", -0.036, 0.15, 0.008,
				tr("16 mm hardened steel", "Acero templado de 16 mm", "16 毫米淬火钢锁梁", "Oțel călit de 16 mm"),
				tr("The 16 mm shackle is hardened steel, far harder to cut than a cable, and its vinyl coating keeps it from scratching your paint.",
					"El arco de 16 mm es de acero templado, mucho más difícil de cortar que un cable, y su recubrimiento de vinilo evita que raye la pintura.",
					"16 毫米锁梁采用淬火钢，比钢缆难剪得多；乙烯基涂层可防止刮花车漆。",
					"Toarta de 16 mm este din oțel călit, mult mai greu de tăiat decât un cablu, iar învelișul din vinil o împiedică să zgârie vopseaua.")),
			// Front of the crossbar.
			hotspot("double-bolt", 0, 0.021, 0.019,
				tr("Double-bolt locking", "Doble cierre", "双锁舌结构", "Dublu zăvor"),
				tr("Both ends of the shackle bolt into the crossbar, so a thief would have to cut it twice. It is sized to lock the frame and a wheel to a stand.",
					"Los dos extremos del arco quedan bloqueados en la barra, así que un ladrón tendría que cortarlo dos veces. Su tamaño permite sujetar el cuadro y una rueda a un aparcabicis.",
					"锁梁两端都被锁舌锁在横杆内，窃贼必须剪断两处才能打开。尺寸正好可以把车架和一个车轮锁在停车架上。",
					"Ambele capete ale toartei se blochează în bară, așa că un hoț ar trebui s-o taie de două ori. Are mărimea potrivită ca să prinzi cadrul și o roată de un suport.")),
			// The key cylinder at the right end.
			hotspot("keys-and-bracket", 0.054, 0.021, 0,
				tr("Three keys and a bracket", "Tres llaves y un soporte", "三把钥匙和车架支架", "Trei chei și un suport"),
				tr("It comes with three keys, so there is always a spare, and a bracket that carries the lock on your frame while you ride.",
					"Incluye tres llaves, para tener siempre una de repuesto, y un soporte para llevar el candado en el cuadro mientras pedaleas.",
					"附带三把钥匙，总有一把备用；另有车架支架，骑行时可以把锁挂在车上。",
					"Vine cu trei chei, ca să ai mereu una de rezervă, și cu un suport care ține lacătul pe cadru cât pedalezi.")),
		},

		// Computing.
		"laptop-14": {
			// The screen, upper right.
			hotspot("display", 0.09, 0.15, -0.116,
				tr("Sharp 120 Hz display", "Pantalla nítida de 120 Hz", "清晰的 120 Hz 屏幕", "Ecran clar de 120 Hz"),
				tr("The 14-inch screen shows 2880 × 1800 pixels and refreshes 120 times a second, so text is crisp and scrolling smooth.",
					"La pantalla de 14 pulgadas muestra 2880 × 1800 píxeles y se refresca 120 veces por segundo: texto nítido y desplazamiento fluido.",
					"14 英寸屏幕分辨率为 2880 × 1800，刷新率 120 Hz，文字清晰锐利，滚动顺滑流畅。",
					"Ecranul de 14 inchi are 2880 × 1800 pixeli și se reîmprospătează de 120 de ori pe secundă, așa că textul e clar, iar derularea e fluidă.")),
			// The palm rest, left of the touchpad.
			hotspot("fanless", -0.1, 0.0155, 0.1,
				tr("Silent and fanless", "Silencioso y sin ventilador", "无风扇，零噪音", "Silențios, fără ventilator"),
				tr("With no fan inside it makes no sound at all, and the battery lasts up to 15 hours, a full working day away from a socket.",
					"Sin ventilador en su interior no hace ningún ruido, y la batería dura hasta 15 horas: una jornada completa lejos del enchufe.",
					"机身内部没有风扇，运行时完全无声；电池续航最长 15 小时，离开插座也能撑过一整个工作日。",
					"Fără ventilator în interior, nu face niciun zgomot, iar bateria ține până la 15 ore, o zi întreagă de lucru departe de priză.")),
			// Left edge of the base, where the ports are.
			hotspot("ports", -0.156, 0.008, 0,
				tr("USB-C and HDMI ports", "Puertos USB-C y HDMI", "USB-C 和 HDMI 接口", "Porturi USB-C și HDMI"),
				tr("Two USB-C ports and an HDMI port for a monitor or a projector, with Wi-Fi 6E and Bluetooth 5.3 for everything wireless.",
					"Dos puertos USB-C y uno HDMI para un monitor o un proyector, además de Wi-Fi 6E y Bluetooth 5.3 para todo lo inalámbrico.",
					"两个 USB-C 接口和一个 HDMI 接口，可连接显示器或投影仪；另有 Wi-Fi 6E 和蓝牙 5.3，满足各种无线连接。",
					"Două porturi USB-C și unul HDMI pentru un monitor sau un proiector, plus Wi-Fi 6E și Bluetooth 5.3 pentru tot ce e fără fir.")),
		},
		"monitor-27": {
			// The screen, upper right.
			hotspot("calibrated-4k", 0.18, 0.55, 0.069,
				tr("Factory-calibrated 4K", "4K calibrado de fábrica", "出厂校色 4K 屏", "4K calibrat din fabrică"),
				tr("Each panel is colour-calibrated before it leaves the factory, so photos look right from day one on its 3840 × 2160 IPS pixels.",
					"Cada panel se calibra en color antes de salir de fábrica, así que las fotos se ven con sus colores reales desde el primer día en sus 3840 × 2160 píxeles IPS.",
					"每块面板出厂前都经过色彩校准，3840 × 2160 IPS 屏幕开箱即可呈现准确的色彩。",
					"Fiecare panou este calibrat color înainte să plece din fabrică, așa că pozele arată corect din prima zi pe cei 3840 × 2160 pixeli IPS.")),
			// Front of the stand's neck, below the screen.
			hotspot("adjustable-stand", 0, 0.15, -0.071,
				tr("Height, tilt and swivel", "Altura, inclinación y giro", "可升降、俯仰、旋转", "Înălțime, înclinare și rotire"),
				tr("The stand raises the screen between 45 and 58 cm, tilts it and turns it, so its top edge can sit at eye level.",
					"El pie sube la pantalla entre 45 y 58 cm, la inclina y la gira, para que el borde superior quede a la altura de los ojos.",
					"支架可将屏幕高度调节在 45 至 58 厘米之间，并可俯仰和旋转，让屏幕上沿与视线齐平。",
					"Suportul ridică ecranul între 45 și 58 cm, îl înclină și îl rotește, ca marginea de sus să ajungă la nivelul ochilor.")),
			// Back of the housing, where the ports are.
			hotspot("one-cable", 0.12, 0.36, 0.024,
				tr("One cable, 90 W", "Un solo cable, 90 W", "一线连接，90 W 供电", "Un singur cablu, 90 W"),
				tr("One USB-C cable from the port at the back carries the picture and charges your laptop at up to 90 W; HDMI and DisplayPort are there too.",
					"Un único cable USB-C desde el puerto trasero transmite la imagen y carga el portátil con hasta 90 W; también tiene HDMI y DisplayPort.",
					"从背部接口接一根 USB-C 线，即可传输画面并以最高 90 W 为笔记本电脑充电；另有 HDMI 和 DisplayPort 接口。",
					"Un singur cablu USB-C din portul din spate transmite imaginea și încarcă laptopul cu până la 90 W; are și HDMI și DisplayPort.")),
		},
		"mechanical-keyboard": {
			// Top of a letter key, left of centre.
			hotspot("hot-swap", -0.06, 0.035, 0.012,
				tr("Hot-swappable switches", "Interruptores intercambiables", "热插拔轴体", "Switch-uri hot-swap"),
				tr("The tactile switches pull out and push in without soldering, so you can try another feel or replace a worn one in seconds.",
					"Los interruptores táctiles se sacan y se ponen sin soldar, para probar otro tacto o cambiar uno gastado en segundos.",
					"段落轴无需焊接即可拔出和插入，几秒钟就能换一种手感或替换磨损的轴体。",
					"Switch-urile tactile se scot și se pun la loc fără lipire, ca să încerci altă senzație sau să înlocuiești unul uzat în câteva secunde.")),
			// Top of the orange Enter key.
			hotspot("pbt-keycaps", 0.09, 0.035, 0.012,
				tr("PBT keycaps", "Teclas de PBT", "PBT 键帽", "Taste din PBT"),
				tr("Keycaps of dense PBT plastic do not turn shiny with use, so the keys feel the same after years of typing.",
					"Las teclas de plástico PBT denso no se vuelven brillantes con el uso y mantienen el mismo tacto tras años de escritura.",
					"致密的 PBT 键帽不易打油，多年敲击后手感依旧如初。",
					"Tastele din plastic PBT dens nu devin lucioase cu timpul, așa că au aceeași senzație și după ani de scris.")),
			// Back edge of the case, where the USB-C port is.
			hotspot("wired-or-bluetooth", 0, 0.02, -0.068,
				tr("USB-C or Bluetooth", "USB-C o Bluetooth", "USB-C 有线或蓝牙", "USB-C sau Bluetooth"),
				tr("Type over the USB-C cable or over Bluetooth 5.1; the 4000 mAh battery lasts up to 200 hours between charges.",
					"Escribe por cable USB-C o por Bluetooth 5.1; la batería de 4000 mAh dura hasta 200 horas entre cargas.",
					"可通过 USB-C 有线连接，也可通过蓝牙 5.1 无线连接；4000 mAh 电池充一次电最长可用 200 小时。",
					"Scrie prin cablul USB-C sau prin Bluetooth 5.1; bateria de 4000 mAh ține până la 200 de ore între încărcări.")),
		},
		"wireless-mouse": {
			// Top of the wheel.
			hotspot("free-wheel", 0, 0.031, 0.03,
				tr("Free-spinning wheel", "Rueda de giro libre", "自由滚轮", "Rotiță care se învârte liber"),
				tr("Give the wheel a flick and it spins on by itself, racing through long documents and spreadsheets.",
					"Dale un toque a la rueda y seguirá girando sola para recorrer en un momento documentos y hojas de cálculo largos.",
					"轻轻一拨，滚轮便会持续转动，长文档和表格瞬间就能翻完。",
					"Dă-i un impuls rotiței și se învârte singură, ca să parcurgi rapid documente și tabele lungi.")),
			// The left button.
			hotspot("quiet-clicks", -0.014, 0.017, 0.045,
				tr("Quiet clicks", "Clics silenciosos", "静音按键", "Clicuri silențioase"),
				tr("The buttons click softly, so you do not disturb anyone sharing the room.",
					"Los botones hacen un clic suave, para no molestar a quien comparte la habitación contigo.",
					"按键声音轻柔，不会打扰同一房间里的人。",
					"Butoanele fac un clic discret, ca să nu-i deranjezi pe cei din aceeași cameră.")),
			// The raised back, under the palm.
			hotspot("sculpted-shape", 0, 0.038, -0.03,
				tr("Sculpted for your palm", "Forma que se adapta a la palma", "贴合手掌的造型", "Formă sculptată pentru palmă"),
				tr("The raised back holds your hand at a natural angle. The mouse pairs with up to three devices, and a USB-C charge lasts up to 70 days.",
					"La parte trasera elevada mantiene la mano en un ángulo natural. El ratón se empareja con hasta tres dispositivos y una carga por USB-C dura hasta 70 días.",
					"隆起的后部让手保持自然角度。鼠标最多可配对三台设备，USB-C 充一次电最长可用 70 天。",
					"Partea din spate înălțată ține mâna într-un unghi natural. Mouse-ul se asociază cu până la trei dispozitive, iar o încărcare prin USB-C ține până la 70 de zile.")),
		},

		// Outdoor.
		"garden-bench": {
			// Top of the middle seat slat.
			hotspot("fsc-teak", 0.2, 0.458, 0.025,
				tr("Grade-A FSC teak", "Teca FSC de grado A", "FSC 认证 A 级柚木", "Tec de calitate A, FSC"),
				tr("The bench is grade-A teak from FSC-certified plantations, a dense, oily wood that can stay outside all year round.",
					"El banco es de teca de grado A procedente de plantaciones con certificación FSC, una madera densa y aceitosa que puede quedarse fuera todo el año.",
					"长椅采用 FSC 认证种植园的 A 级柚木，木质致密、富含天然油脂，可以全年放在户外。",
					"Banca este din tec de calitate A din plantații certificate FSC, un lemn dens și uleios care poate sta afară tot anul.")),
			// Front of the left front leg, where the apron's tenon enters it.
			hotspot("mortise-and-tenon", -0.565, 0.405, 0.264,
				tr("Mortise and tenon joints", "Ensamblaje a caja y espiga", "榫卯结构", "Îmbinări cep și scobitură"),
				tr("The rails are set into the legs with mortise and tenon joints, traditional joinery that stays tight through wet winters and dry summers.",
					"Los travesaños encajan en las patas a caja y espiga, una carpintería tradicional que se mantiene firme en inviernos húmedos y veranos secos.",
					"横档以传统的榫卯结构嵌入椅腿，历经潮湿的冬季和干燥的夏季依然牢固。",
					"Traversele sunt îmbinate în picioare prin cep și scobitură, o tâmplărie tradițională care rămâne strânsă și în iernile umede, și în verile secetoase.")),
			// Top of the right armrest.
			hotspot("silver-patina", 0.565, 0.665, 0.114,
				tr("Weathers to silver grey", "Envejece a gris plata", "自然转为银灰色", "Capătă o patină argintie"),
				tr("Left untreated, the teak slowly turns a soft silver grey. Prefer the golden colour? Rub in teak oil from time to time.",
					"Sin tratar, la teca adquiere poco a poco un suave tono gris plateado. ¿Prefieres el dorado? Aplícale aceite de teca de vez en cuando.",
					"不做处理时，柚木会慢慢变成柔和的银灰色。想保留金黄色泽？不时涂抹柚木油即可。",
					"Netratat, tecul capătă încet o nuanță gri-argintie. Preferi culoarea aurie? Dă-l din când în când cu ulei de tec.")),
		},
		"patio-parasol": {
			// Top of the canopy, towards the front.
			hotspot("uv-canopy", 0, 2.293, 0.9,
				tr("UV-blocking canopy", "Lona que bloquea los rayos UV", "防紫外线伞面", "Pânză anti-UV"),
				tr("The solution-dyed polyester keeps its colour summer after summer and blocks 98% of UV rays.",
					"El poliéster teñido en masa conserva su color verano tras verano y bloquea el 98 % de los rayos UV.",
					"原液染色涤纶伞面历经一个又一个夏天依然不褪色，可阻挡 98% 的紫外线。",
					"Poliesterul vopsit în masă își păstrează culoarea vară de vară și blochează 98 % din razele UV.")),
			// The crank handle on the pole.
			hotspot("crank-and-tilt", 0.1, 1.33, 0.11,
				tr("Crank and push-button tilt", "Manivela e inclinación con botón", "摇柄开伞，按钮倾斜", "Manivelă și înclinare cu buton"),
				tr("Turn the crank and the 3 m canopy opens in seconds; press the button to tilt it as the sun moves round.",
					"Gira la manivela y la sombrilla de 3 m se abre en segundos; pulsa el botón para inclinarla a medida que se mueve el sol.",
					"转动摇柄，3 米伞面数秒即可撑开；按下按钮，就能随着太阳的移动调整倾斜角度。",
					"Rotești manivela și umbrela de 3 m se deschide în câteva secunde; apeși butonul ca s-o înclini după cum se mișcă soarele.")),
			// Front of the base.
			hotspot("base-sold-separately", 0, 0.075, 0.28,
				tr("Base sold separately", "Base no incluida", "底座需另购", "Baza se vinde separat"),
				tr("The base shown is not included, so you can choose one that suits your terrace. The parasol itself, with its aluminium pole, weighs 9 kg.",
					"La base que se ve no está incluida, así que puedes elegir la que mejor le vaya a tu terraza. La sombrilla, con su mástil de aluminio, pesa 9 kg.",
					"图中底座不包含在内，你可以根据露台的情况另选合适的底座。伞本身采用铝合金伞杆，重 9 公斤。",
					"Baza din imagine nu este inclusă, așa că poți alege una potrivită pentru terasa ta. Umbrela, cu stâlpul din aluminiu, cântărește 9 kg.")),
		},
		"camping-tent": {
			// The front door panel.
			hotspot("doors-and-porches", 0, 0.5, 0.823,
				tr("Two doors, two porches", "Dos puertas, dos ábsides", "双门双前厅", "Două uși, două abside"),
				tr("There is a door on each side, each with its own porch for boots and packs, so nobody has to climb over anyone at night.",
					"Hay una puerta a cada lado, cada una con su propio ábside para botas y mochilas, así nadie tiene que pasar por encima de nadie por la noche.",
					"两侧各有一扇门，各带一个前厅，可以放鞋子和背包，夜里进出不用从别人身上跨过去。",
					"Există câte o ușă pe fiecare parte, fiecare cu absida ei pentru bocanci și rucsacuri, ca nimeni să nu treacă noaptea peste ceilalți.")),
			// The flysheet, front left.
			hotspot("waterproof-fly", -0.7, 0.3, 0.759,
				tr("3000 mm waterproof flysheet", "Doble techo impermeable de 3000 mm", "3000 毫米防水外帐", "Dublu-acoperiș impermeabil de 3000 mm"),
				tr("The ripstop polyester flysheet is rated to a 3000 mm water column, enough for a night of heavy rain.",
					"El doble techo de poliéster ripstop resiste una columna de agua de 3000 mm, suficiente para una noche de lluvia intensa.",
					"防撕裂涤纶外帐的防水指数达 3000 毫米，足以抵御一整夜的大雨。",
					"Dublu-acoperișul din poliester ripstop rezistă la o coloană de apă de 3000 mm, suficient pentru o noapte de ploaie torențială.")),
			// One of the crossing poles, over the front left of the dome.
			hotspot("quick-pitch", -0.35, 1.084, 0.308,
				tr("Pitches in ten minutes", "Se monta en diez minutos", "十分钟即可搭好", "Se montează în zece minute"),
				tr("Two crossing aluminium poles make the tent freestanding: one person pitches it in about ten minutes, and packed it is the size of a sleeping bag.",
					"Dos varillas de aluminio cruzadas hacen que la tienda se sostenga sola: una persona la monta en unos diez minutos y, plegada, ocupa lo mismo que un saco de dormir.",
					"两根交叉的铝合金帐杆让帐篷可以自立，一个人大约十分钟就能搭好，收纳后只有睡袋大小。",
					"Două bețe din aluminiu încrucișate fac cortul autoportant: o singură persoană îl montează în aproximativ zece minute, iar strâns are cât un sac de dormit.")),
		},
		"sun-lounger": {
			// The backrest's strut on the near side, where it locks.
			hotspot("backrest", -0.666, 0.61, 0.3,
				tr("Five-position backrest", "Respaldo de cinco posiciones", "五档可调靠背", "Spătar cu cinci poziții"),
				tr("Raise the backrest to read or lower it flat to doze: it locks in five positions.",
					"Levanta el respaldo para leer o bájalo del todo para echar una siesta: se bloquea en cinco posiciones.",
					"抬起靠背可以看书，放平就能小憩：靠背可锁定在五个档位。",
					"Ridică spătarul ca să citești sau coboară-l de tot ca să ațipești: se fixează în cinci poziții.")),
			// Top of the seat sling.
			hotspot("textilene-sling", 0.227, 0.324, 0,
				tr("Quick-drying textilene", "Textilene de secado rápido", "速干特斯林面料", "Textilenă cu uscare rapidă"),
				tr("The taut textilene sling lets water through and dries quickly after rain or a swim, and it carries up to 120 kg. Rinse it with fresh water.",
					"La lona tensa de textilene deja pasar el agua y se seca enseguida tras la lluvia o un baño, y soporta hasta 120 kg. Enjuágala con agua dulce.",
					"绷紧的特斯林面料可以透水，雨后或游泳后很快就干，最大承重 120 公斤。用清水冲洗即可。",
					"Pânza întinsă din textilenă lasă apa să treacă și se usucă repede după ploaie sau după o baie, iar șezlongul susține până la 120 kg. Se clătește cu apă dulce.")),
			// Outer face of the near wheel.
			hotspot("wheels", -0.743, 0.12, 0.355,
				tr("Wheels at the head end", "Ruedas en el cabecero", "头端装有轮子", "Roți la capătul dinspre cap"),
				tr("Lift the foot end and roll the lounger after the sun; in winter the loungers stack to save space.",
					"Levanta el extremo de los pies y lleva la tumbona rodando tras el sol; en invierno, las tumbonas se apilan para ocupar menos.",
					"抬起脚端，就能推着躺椅追着阳光走；冬天可将躺椅叠放收纳，节省空间。",
					"Ridică partea dinspre picioare și rostogolește șezlongul după soare; iarna, șezlongurile se stivuiesc ca să ocupe mai puțin loc.")),
		},
	}
}
