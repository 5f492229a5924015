"""Test pages: a news article in four languages, and junk to put around and inside it.

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
