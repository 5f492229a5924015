"""Test pages: a news article in eleven languages, and junk to put around and inside it.

`page()` builds a whole page (masthead, menu, sidebar, footer) around an article whose clean
body is `expected_text(lang)`; junk can be placed after the article, at the end of its
body container, or between its paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass

ARTICLES: dict[str, dict[str, object]] = {
    "en": {
        "title": "City council approves new flood defences for the river district",
        "paragraphs": [
            "The city council voted on Tuesday to build a new system of flood barriers along the "
            "river district, after three floods in five years damaged hundreds of homes and shops.",
            "The plan, which will cost about 40 million euros, includes movable walls, new pumping "
            "stations and a park designed to hold water during heavy storms.",
            "“We cannot wait for the next flood,” the mayor said.",
        ],
        "subheading": "Residents divided over the cost",
        "more": [
            "Some residents welcomed the decision but said the work should have started years ago, "
            "when engineers first warned that the old embankments were failing.",
            "Others questioned whether the city could afford the project without raising local "
            "taxes, and asked for a public hearing before construction begins next spring.",
        ],
    },
    "es": {
        "title": "El ayuntamiento aprueba nuevas defensas contra inundaciones en el barrio del río",
        "paragraphs": [
            "El pleno municipal votó el martes a favor de construir un nuevo sistema de barreras "
            "a lo largo del barrio del río, después de que tres inundaciones en cinco años dañaran "
            "cientos de viviendas y comercios.",
            "El plan, que costará unos 40 millones de euros, incluye muros móviles, nuevas "
            "estaciones de bombeo y un parque diseñado para retener el agua durante las tormentas.",
            "“No podemos esperar a la próxima inundación”, dijo la alcaldesa.",
        ],
        "subheading": "Los vecinos, divididos por el coste",
        "more": [
            "Algunos vecinos celebraron la decisión, pero dijeron que las obras deberían haber "
            "empezado hace años, cuando los ingenieros advirtieron que los viejos diques fallaban.",
            "Otros se preguntaron si la ciudad podrá pagar el proyecto sin subir los impuestos "
            "locales y pidieron una audiencia pública antes de que comiencen las obras en primavera.",
        ],
    },
    "de": {
        "title": "Stadtrat beschließt neuen Hochwasserschutz für das Flussviertel",
        "paragraphs": [
            "Der Stadtrat hat am Dienstag beschlossen, entlang des Flussviertels ein neues System "
            "von Hochwasserbarrieren zu bauen, nachdem drei Überschwemmungen in fünf Jahren "
            "Hunderte Wohnungen und Geschäfte beschädigt hatten.",
            "Der Plan kostet rund 40 Millionen Euro und umfasst mobile Wände, neue Pumpwerke und "
            "einen Park, der bei starken Unwettern Wasser zurückhalten soll.",
            "„Wir können nicht auf das nächste Hochwasser warten“, sagte die Bürgermeisterin.",
        ],
        "subheading": "Anwohner uneins über die Kosten",
        "more": [
            "Einige Anwohner begrüßten die Entscheidung, sagten aber, die Arbeiten hätten schon "
            "vor Jahren beginnen müssen, als Ingenieure erstmals vor den maroden Deichen warnten.",
            "Andere fragten, ob sich die Stadt das Projekt ohne höhere Steuern leisten könne, und "
            "forderten eine öffentliche Anhörung vor Baubeginn im kommenden Frühjahr.",
        ],
    },
    "fr": {
        "title": "Le conseil municipal approuve de nouvelles digues pour le quartier du fleuve",
        "paragraphs": [
            "Le conseil municipal a voté mardi la construction d'un nouveau système de barrières "
            "le long du quartier du fleuve, après trois inondations en cinq ans qui ont endommagé "
            "des centaines de logements et de commerces.",
            "Le projet, qui coûtera environ 40 millions d'euros, comprend des murs mobiles, de "
            "nouvelles stations de pompage et un parc conçu pour retenir l'eau lors des orages.",
            "« Nous ne pouvons pas attendre la prochaine inondation », a déclaré la maire.",
        ],
        "subheading": "Les habitants divisés sur le coût",
        "more": [
            "Certains habitants ont salué la décision, tout en estimant que les travaux auraient "
            "dû commencer il y a des années, lorsque les ingénieurs ont alerté sur les vieilles digues.",
            "D'autres se demandent si la ville peut financer le projet sans augmenter les impôts "
            "locaux et réclament une réunion publique avant le début du chantier au printemps.",
        ],
    },
    "ru": {
        "title": "Городской совет одобрил новую защиту от наводнений для прибрежного района",
        "paragraphs": [
            "Во вторник городской совет проголосовал за строительство новой системы защитных "
            "барьеров вдоль прибрежного района после того, как три наводнения за пять лет "
            "повредили сотни домов и магазинов.",
            "План стоимостью около 40 миллионов евро включает мобильные стены, новые насосные "
            "станции и парк, который будет удерживать воду во время сильных ливней.",
            "«Мы не можем ждать следующего наводнения», — сказала мэр.",
        ],
        "subheading": "Жители разошлись во мнениях о стоимости",
        "more": [
            "Некоторые жители приветствовали решение, но заявили, что работы следовало начать "
            "ещё несколько лет назад, когда инженеры впервые предупредили о разрушении старых дамб.",
            "Другие спросили, сможет ли город оплатить проект без повышения местных налогов, и "
            "потребовали провести публичные слушания до начала строительства следующей весной.",
        ],
    },
    "zh": {
        "title": "市议会批准河区新的防洪工程",
        "paragraphs": [
            "市议会周二投票决定沿河区修建一套新的防洪屏障系统，此前五年内的三次洪水损坏了数百户住宅和商店。议员们表示，这是该市几十年来规模最大的基础设施项目，也是应对极端天气的长期计划的一部分。",
            "该计划耗资约四千万欧元，包括可移动的防洪墙、新的泵站，以及一座在暴雨期间可以蓄水的公园。工程师们估计，整个系统将在四年内完工，并能抵御百年一遇的洪水。",
            "“我们不能再等下一次洪水了，”市长说。",
        ],
        "subheading": "居民对费用意见不一",
        "more": [
            "一些居民对这一决定表示欢迎，但他们说，早在工程师们首次警告旧堤坝正在失效时，这项工程就应该开始了。一位在河边经营面包店二十年的店主说，每次下大雨，她都担心店铺再次被淹。",
            "另一些居民则质疑，如果不提高地方税，市政府能否负担得起这个项目，并要求在明年春天开工之前举行公开听证会。市政府表示，将在下个月公布详细的融资方案，并听取各方意见。",
        ],
    },
    "ja": {
        "title": "市議会、河川地区の新たな洪水対策を承認",
        "paragraphs": [
            "市議会は火曜日、河川地区に沿って新しい防潮堤を建設することを賛成多数で可決した。過去五年間に三度の洪水が"
            "発生し、数百の住宅や商店が被害を受けていた。市によると、この数十年で最大の公共事業になるという。",
            "計画の費用は約四千万ユーロで、可動式の防潮壁や新しい排水ポンプ場のほか、大雨の際に水をためる公園も整備する。"
            "技術者たちは、四年以内に全体が完成し、百年に一度の洪水にも耐えられると見込んでいる。",
            "「次の洪水を待つわけにはいかない」と市長は述べた。",
        ],
        "subheading": "費用をめぐり住民の意見は割れる",
        "more": [
            "一部の住民は決定を歓迎しつつも、技術者が古い堤防の劣化を最初に警告した数年前に工事を始めるべきだったと"
            "話した。川沿いで二十年パン屋を営む女性は、大雨のたびに店が再び浸水しないか心配だと語った。",
            "一方で、地方税を引き上げずに市が事業費を負担できるのか疑問視する声もあり、来年春の着工前に公聴会を開くよう"
            "求めている。市は来月、詳しい資金計画を公表し、住民の意見を聞くとしている。",
        ],
    },
    "pt": {
        "title": "Câmara aprova novas defesas contra cheias para o bairro do rio",
        "paragraphs": [
            "A câmara municipal votou na terça-feira a construção de um novo sistema de barreiras "
            "ao longo do bairro do rio, depois de três cheias em cinco anos terem danificado "
            "centenas de casas e lojas.",
            "O plano, que custará cerca de 40 milhões de euros, inclui muros móveis, novas "
            "estações de bombagem e um parque pensado para reter a água durante as tempestades.",
            "“Não podemos esperar pela próxima cheia”, disse a presidente da câmara.",
        ],
        "subheading": "Moradores divididos quanto ao custo",
        "more": [
            "Alguns moradores saudaram a decisão, mas disseram que as obras deviam ter começado "
            "há anos, quando os engenheiros alertaram pela primeira vez para os velhos diques.",
            "Outros perguntaram se a cidade pode pagar o projeto sem aumentar os impostos locais "
            "e pediram uma audiência pública antes do início das obras na próxima primavera.",
        ],
    },
    "it": {
        "title": "Il consiglio comunale approva nuove difese contro le alluvioni nel quartiere del fiume",
        "paragraphs": [
            "Il consiglio comunale ha votato martedì la costruzione di un nuovo sistema di barriere "
            "lungo il quartiere del fiume, dopo che tre alluvioni in cinque anni hanno danneggiato "
            "centinaia di case e negozi.",
            "Il piano, che costerà circa 40 milioni di euro, comprende muri mobili, nuove stazioni "
            "di pompaggio e un parco progettato per trattenere l'acqua durante i temporali.",
            "«Non possiamo aspettare la prossima alluvione», ha detto la sindaca.",
        ],
        "subheading": "I residenti divisi sui costi",
        "more": [
            "Alcuni residenti hanno accolto con favore la decisione, ma hanno detto che i lavori "
            "sarebbero dovuti iniziare anni fa, quando gli ingegneri avvertirono dei vecchi argini.",
            "Altri si sono chiesti se la città possa pagare il progetto senza aumentare le tasse "
            "locali e hanno chiesto un'audizione pubblica prima dell'avvio dei lavori in primavera.",
        ],
    },
    "nl": {
        "title": "Gemeenteraad keurt nieuwe hoogwaterbescherming voor de rivierwijk goed",
        "paragraphs": [
            "De gemeenteraad heeft dinsdag besloten een nieuw systeem van waterkeringen langs de "
            "rivierwijk aan te leggen, nadat drie overstromingen in vijf jaar honderden woningen "
            "en winkels hadden beschadigd.",
            "Het plan kost ongeveer 40 miljoen euro en omvat verplaatsbare muren, nieuwe "
            "gemalen en een park dat bij zware buien water kan vasthouden.",
            "„We kunnen niet wachten op de volgende overstroming”, zei de burgemeester.",
        ],
        "subheading": "Bewoners verdeeld over de kosten",
        "more": [
            "Sommige bewoners verwelkomden het besluit, maar zeiden dat het werk jaren geleden al "
            "had moeten beginnen, toen ingenieurs voor het eerst waarschuwden voor de oude dijken.",
            "Anderen vroegen zich af of de stad het project kan betalen zonder de lokale "
            "belastingen te verhogen, en vroegen om een hoorzitting voordat het werk in het voorjaar begint.",
        ],
    },
    "pl": {
        "title": "Rada miasta zatwierdza nową ochronę przeciwpowodziową dla dzielnicy nad rzeką",
        "paragraphs": [
            "Rada miasta zagłosowała we wtorek za budową nowego systemu zapór wzdłuż dzielnicy "
            "nad rzeką, po tym jak trzy powodzie w ciągu pięciu lat zniszczyły setki domów i sklepów.",
            "Plan, który będzie kosztował około 40 milionów euro, obejmuje ruchome ściany, nowe "
            "przepompownie oraz park zaprojektowany tak, by zatrzymywał wodę podczas ulew.",
            "„Nie możemy czekać na kolejną powódź”, powiedziała burmistrz.",
        ],
        "subheading": "Mieszkańcy podzieleni w sprawie kosztów",
        "more": [
            "Niektórzy mieszkańcy z zadowoleniem przyjęli decyzję, ale powiedzieli, że prace "
            "powinny były ruszyć lata temu, gdy inżynierowie po raz pierwszy ostrzegli przed starymi wałami.",
            "Inni pytali, czy miasto stać na projekt bez podnoszenia lokalnych podatków, i domagali "
            "się wysłuchania publicznego przed rozpoczęciem budowy wiosną przyszłego roku.",
        ],
    },
}


def _article(lang: str) -> dict[str, object]:
    return ARTICLES[lang]


def expected_text(lang: str) -> str:
    """The clean body of the test article: what `extract` must give, to the character."""
    article = _article(lang)
    blocks = [*article["paragraphs"], article["subheading"], *article["more"]]  # type: ignore[misc]
    return "\n\n".join(blocks)


@dataclass(frozen=True)
class Placement:
    """Where junk goes: after the article, at the end of its body, between its paragraphs."""

    after_article: str = ""
    end_of_body: str = ""
    between_paragraphs: str = ""


def page(lang: str, junk: Placement = Placement(), *, body_tag: str = "div") -> str:
    """A whole news page in `lang` with `junk` placed in it."""
    article = _article(lang)
    paragraphs = "".join(f"<p>{p}</p>" for p in article["paragraphs"])  # type: ignore[attr-defined]
    more = "".join(f"<p>{p}</p>" for p in article["more"])  # type: ignore[attr-defined]
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{article["title"]} | The Daily Example</title>
<meta property="og:title" content="{article["title"]}">
<meta property="og:site_name" content="The Daily Example">
</head><body>
<div class="top"><a href="/">The Daily Example</a> <a href="/world">World</a> <a href="/sport">Sport</a></div>
<ul><li><a href="/a">Politics</a></li><li><a href="/b">Business</a></li><li><a href="/c">Culture</a></li></ul>
<div class="wrap"><div class="main">
<article>
<h1>{article["title"]}</h1>
<{body_tag} class="body">{paragraphs}{junk.between_paragraphs}<h2>{article["subheading"]}</h2>{more}{junk.end_of_body}</{body_tag}>
</article>
{junk.after_article}
</div>
<div class="side"><h3>Most read</h3><ul><li><a href="/x">Storm warning for the coast</a></li><li><a href="/y">New bridge opens</a></li></ul></div>
</div>
<div class="bottom">The Daily Example, 1 Example Street. <a href="/about">About us</a> <a href="/contact">Contact</a></div>
</body></html>"""
