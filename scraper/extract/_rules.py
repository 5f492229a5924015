"""The rules that recognise junk, kept as data apart from the engine that applies them.

Four tables:
- `TEXTLESS_TAGS`, `NON_CONTENT_TAGS`, `JUNK_ELEMENT_SELECTORS` and `JUNK_ITEMPROPS`:
  elements removed by what they are.
- `JUNK_NAME_WORDS`: words of `class`/`id` names that mark a junk box, per kind of junk.
- `JUNK_HEADINGS`: heading texts, per kind and language, that head a junk section; the
  section goes with its heading.
- `JUNK_LINES`: whole lines of text that are junk wherever they stand, even as plain `<p>`
  or `<br>`-separated text inside the article.

Patterns are matched against text normalised by `normalise_phrase` (lower case, single
spaces, surrounding punctuation and bullets trimmed) and must match the whole text, so a
rule never cuts into a sentence of the article. No rule names a site. A line pattern slow to
fail is given as `Costly`, with literals one of which every line it matches holds.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

# ---------------------------------------------------------------------------------------
# Elements removed by their tag or attributes.
# ---------------------------------------------------------------------------------------

# Tags whose content is code, not text: the page's text is measured without them (as
# trafilatura measures a page).
CODE_TAGS: tuple[str, ...] = ("script", "style", "template", "svg")
# Tags that never hold article text: code, media, embedded documents and form controls.
TEXTLESS_TAGS: tuple[str, ...] = (
    *CODE_TAGS, "canvas", "iframe", "object", "embed", "video",
    "audio", "map", "button", "select", "textarea", "input", "label", "option", "dialog",
    "link", "meta", "title", "base",
)  # fmt: skip
# A button that holds a heading, or that is inside one, is a section's title opening its
# panel (a FAQ's question over its answer, an accordion's tab): its text is kept (the button
# unwrapped) where other buttons go with the controls above.
TITLE_HEADING_TAGS: tuple[str, ...] = ("h1", "h2", "h3", "h4", "h5", "h6")
# Removed with them before extraction: `<noscript>`, the fallback of a page that renders
# its text with scripts, duplicates that text; but on a page that renders nothing without
# scripts it is the only text there is, so the second extraction (`prune_structure`) keeps it.
NON_CONTENT_TAGS: tuple[str, ...] = (*TEXTLESS_TAGS, "noscript")

# Elements that are the site around the article, or parts of it that are not its body.
JUNK_ELEMENT_SELECTORS: tuple[str, ...] = (
    "nav",  # menus, breadcrumbs, previous/next links
    "aside",  # sidebars, pull-out boxes, "related" rails
    "footer",  # page and article footers: categories, tags, copyright
    "figcaption",  # image and video captions with their credits
    "[role=navigation]",  # menus marked only by ARIA
    "[role=complementary]",  # sidebars marked only by ARIA
    "[role=contentinfo]",  # site footers marked only by ARIA
    "[role=banner]",  # site headers marked only by ARIA
    "[rel=author]",  # byline links
)
# schema.org microdata properties (`itemprop`, matched whole and with its case) of elements
# that are not the article's body. (Read from the attribute of each microdata element: one
# query, where a selector per property walked the page once each.)
JUNK_ITEMPROPS: frozenset[str] = frozenset(
    {
        "author",  # bylines
        "caption",  # image captions
        # Machine values, not prose: dates, keywords, the page's own address, the publisher
        # and its logo, image addresses (often printed in a hidden box).
        "datePublished",
        "dateModified",
        "dateCreated",
        "keywords",
        "mainEntityOfPage",
        "publisher",
        "logo",
        "image",
    }
)

# Elements that are usually junk but sometimes hold the article's lead or body: removed
# like junk class names, only when their text does not read as prose.
NAMED_JUNK_SELECTORS: tuple[str, ...] = (
    "header",  # page masthead and the article header: headline, byline, dateline
    # Decorative or duplicated text hidden from screen readers; cards of a listing hide
    # their second link (the excerpt) this way, so it goes only when not the page's list.
    "[aria-hidden=true]",
    # Text not rendered until the reader asks: cookie and modal dialogs, but also the
    # closed panels of tabs and accordions (a guide's steps for other languages).
    "[hidden]",
)

# Links that fill a paragraph of their own; written in capitals, such a paragraph is an
# inline teaser for another story ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'").
LONE_LINK_SELECTOR = "p > a, p > strong > a, p > b > a, p > em > a"
MIN_TEASER_WORDS = 3

# A `<figure>` holds an image or video and its caption, and goes whole, unless it holds
# one of these, which are part of the body (the figure's caption still goes).
FIGURE_BODY_TAGS: tuple[str, ...] = ("table", "blockquote", "pre", "ul", "ol")

# ---------------------------------------------------------------------------------------
# Words of class and id names. A name matches when its words (split at "-", "_" and
# camelCase humps) contain one of these word sequences, e.g. "related" matches
# "related-posts", "post_related" and "relatedPosts"; "jp-relatedposts" matches "relatedposts".
# ---------------------------------------------------------------------------------------

JUNK_NAME_WORDS: Mapping[str, tuple[str, ...]] = {
    # Related-content blocks and their teasers.
    "related": (
        "related", "relatedposts", "related-posts", "recommended", "recommendations",
        "more-stories", "more-news", "more-articles", "read-more", "readmore", "read-next",
        "also-read", "see-also", "most-read", "most-popular", "popular-posts", "trending",
        "outbrain", "taboola", "teaser", "teasers", "yarpp", "crp", "you-may-like",
        "recent-posts", "latest-posts", "further-reading-links",
    ),
    # Comment sections and comment forms.
    "comments": (
        "comment", "comments", "respond", "disqus", "comment-form", "commentlist",
        "comment-list", "discussion", "replies", "reply",
    ),
    # Image captions, photo credits and image descriptions rendered as text.
    "caption": (
        "caption", "captions", "wp-caption-text", "credit", "credits", "image-credit",
        "photo-credit", "image-description", "img-desc", "image-desc", "photo-desc",
        "alt-text", "media-credit", "copyright-image", "figcaption",
    ),
    # Visually hidden text meant for screen readers ("Skip to content", icon labels).
    "hidden": (
        "screen-reader-text", "screen-reader", "sr-only", "visually-hidden",
        "visuallyhidden", "assistive-text", "a11y-hidden", "offscreen", "skip-link",
        "element-invisible", "u-hidden-visually",
    ),
    # Share bars and follow-us boxes.
    "share": (
        "share", "shares", "sharing", "sharedaddy", "addthis", "addtoany", "a2a",
        "shariff", "social", "socials", "social-links", "follow-us", "share-bar",
    ),
    # Newsletter, subscription and sign-up boxes.
    "newsletter": (
        "newsletter", "subscribe", "subscription", "signup", "sign-up", "optin",
        "opt-in", "mailchimp", "mc4wp", "inline-signup",
    ),
    # Advertising and its labels.
    "ad": (
        "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adsbygoogle",
        "adslot", "ad-slot", "dfp", "sponsor", "sponsored", "promo", "promoted",
        "commercial", "native-ad",
    ),
    # Previous/next post navigation, pagination and breadcrumbs.
    "navigation": (
        "post-navigation", "nav-links", "nav-previous", "nav-next", "prev-next",
        "pagination", "pager", "breadcrumb", "breadcrumbs", "navigation", "navbar",
        "menu", "post-nav", "article-nav",
    ),
    # Tag and category lists.
    "tags": (
        "tags", "tag-list", "taglist", "tagcloud", "tag-cloud", "post-tags", "entry-tags",
        "article-tags", "keywords", "cat-links", "tags-links", "categories",
    ),
    # Author bio boxes, bylines and datelines.
    "byline": (
        "author-bio", "author-box", "about-author", "author-info", "author-card",
        "author-details", "authorbox", "byline", "bylines", "dateline", "entry-meta",
        "post-meta", "article-meta", "posted-on", "post-date", "entry-date",
        "published-date", "timestamp", "meta-info", "post-info", "article-info",
    ),
    # Standfirsts and kickers above the body (they repeat or introduce it, and are not it).
    "standfirst": (
        "standfirst", "dek", "subtitle", "subheadline", "sub-headline", "strapline",
        "kicker", "article-summary", "post-excerpt",
    ),
    # Reprint, copyright and disclaimer notices.
    "notice": ("copyright", "disclaimer", "reprint", "permissions", "licence", "license"),
    # Widgets, sidebars, pop-ups and consent banners.
    "chrome": (
        "widget", "widgets", "sidebar", "cookie", "cookies", "consent", "gdpr", "modal",
        "popup", "overlay", "toolbar", "site-header", "site-footer", "masthead",
    ),
}  # fmt: skip

# Junk words that page builders and forums give every block of their text (each heading
# and paragraph a "widget", each post a "comment" or "reply"): where they name the element
# holding the page's main run of paragraphs, they name its building blocks, not junk.
BUILDING_BLOCK_WORDS: frozenset[str] = frozenset(
    {"widget", "widgets", "comment", "comments", "reply", "replies", "discussion"}
)

# Kinds of named junk that repeat by nature and are never a page's own list of items, however
# many of them there are: the entries of a menu, text hidden for screen readers.
NEVER_LISTING_KINDS: frozenset[str] = frozenset({"navigation", "hidden"})

# ---------------------------------------------------------------------------------------
# Headings of junk sections, per kind and language (en, es, de, fr, pt, it).
# A heading matching one of these goes, and the section it heads goes with it.
# ---------------------------------------------------------------------------------------

JUNK_HEADINGS: Mapping[str, tuple[str, ...]] = {
    "related": (
        # en: "Related Posts", "Related articles", "Related"
        r"related(?: (?:posts?|articles?|stories|story|news|content|coverage|links|reading|topics|videos?))?",
        # en: "You may also like", "You might be interested in"
        r"you (?:may|might|will|could) (?:also )?(?:like|enjoy|be interested in|have missed)",
        # en: "More from Reuters", "More on this story", "More in Politics", "More stories"
        r"more (?:from|on|in|about|like this|stories|news|articles|posts|to read|to explore)\b.{0,60}",
        # en: "Read more", "Read next", "Read also", "Also read", "See also", "Don't miss"
        r"(?:read (?:more|next|also)|also read|see also|don'?t miss|what to read next|up next)\b.{0,40}",
        # en: "Recommended for you", "Most popular", "Trending now", "Recent posts"
        r"(?:recommended|most (?:popular|read|viewed|shared)|popular|trending|recent|latest)(?: (?:for you|posts|stories|articles|news|now|today|reads?))*",
        # es: "Artículos relacionados", "Noticias relacionadas", "Relacionado"
        r"(?:(?:art[ií]culos|entradas|noticias|publicaciones|notas|posts) )?relacionad[oa]s?",
        # es: "También te puede interesar", "Te podría gustar", "Te recomendamos"
        r"(?:tambi[eé]n )?te (?:puede|podr[ií]a|pueden|podr[ií]an) (?:interesar|gustar)|te recomendamos|no te pierdas",
        # es: "Más de", "Más noticias", "Lee también", "Leer más", "Lo más leído"
        r"(?:m[aá]s (?:de|sobre|en|noticias|art[ií]culos)\b.{0,60}|lee tambi[eé]n|leer m[aá]s|lo m[aá]s (?:le[ií]do|visto)|[uú]ltimas noticias|entradas recientes)",
        # de: "Ähnliche Artikel", "Weitere Beiträge", "Das könnte Sie auch interessieren"
        r"(?:[äa]hnliche|verwandte|weitere|empfohlene|neueste) (?:artikel|beitr[äa]ge|nachrichten|themen|news)",
        r"das (?:k[öo]nnte|d[üu]rfte) (?:sie|dich) (?:auch )?interessieren|auch interessant",
        # de: "Mehr zum Thema", "Mehr aus Politik", "Lesen Sie auch", "Meistgelesen"
        r"(?:mehr (?:zum thema|von|aus|[üu]ber|zu)\b.{0,60}|lesen sie (?:auch|mehr)|weiterlesen|meistgelesen|am meisten gelesen)",
        # fr: "Articles similaires", "Sur le même sujet", "Vous aimerez aussi", "À lire aussi"
        r"(?:articles? (?:similaires|connexes|li[ée]s|recommand[ée]s|r[ée]cents)|derniers articles|sur le m[eê]me (?:sujet|th[eè]me)|dans la m[eê]me rubrique)",
        r"(?:vous (?:aimerez|pourriez aimer|pourriez aussi aimer) (?:aussi|[ée]galement)?|[àa] lire (?:aussi|[ée]galement|ensuite)|lire aussi|les plus lus)",
        r"plus (?:de|d'|d’|sur) .{1,60}",
        # pt / it: "Posts relacionados", "Leia também", "Articoli correlati", "Leggi anche"
        r"(?:(?:posts|artigos|not[ií]cias|mat[eé]rias) relacionad[oa]s|leia (?:tamb[eé]m|mais)|voc[eê] (?:tamb[eé]m )?pode gostar|articoli correlati|leggi anche|potrebbe interessarti)",
        # nl / pl: "Gerelateerde berichten", "Lees ook", "Misschien vind je dit ook leuk",
        # "Podobne wpisy", "Powiązane artykuły", "Czytaj także", "Może Cię zainteresować"
        r"gerelateerde (?:berichten|artikelen|posts|nieuws)|gerelateerd|lees (?:ook|meer)|misschien vind je dit ook leuk|meer (?:nieuws|artikelen|berichten)",
        r"(?:podobne|powi[ąa]zane|polecane|najnowsze) (?:wpisy|artyku[łl]y|posty|tre[śs]ci)|czytaj (?:te[żz]|tak[żz]e|wi[ęe]cej)|zobacz (?:te[żz]|tak[żz]e)|mo[żz]e ci[ęe] zainteresowa[ćc]",
        # ru: "Похожие статьи", "Читайте также", "Вам также может понравиться", "По теме"
        r"(?:похожие|связанные|рекомендуемые|популярные|последние) (?:статьи|записи|материалы|новости|публикации)"
        r"|читайте (?:также|ещ[её])|смотрите также|вам (?:также )?может (?:понравиться|быть интересно)|рекомендуем(?: прочитать)?|по теме",
        # zh: "相关文章", "相关阅读", "推荐阅读", "延伸阅读", "猜你喜欢", "热门文章"
        r"相关(?:文章|阅读|推荐|新闻|内容|链接)|(?:推荐|延伸|扩展)阅读|猜你喜欢|热门(?:文章|推荐|新闻)|最新文章|你可能(?:还)?(?:会)?(?:喜欢|感兴趣)",
        # ja: "関連記事", "あわせて読みたい", "こちらもおすすめ", "人気記事"
        r"関連(?:記事|ニュース|リンク)|(?:こちらも|あわせて)(?:おすすめ|読みたい)|おすすめ(?:の)?記事|人気(?:の)?記事|最新(?:の)?記事",
    ),
    "comments": (
        # en: "Leave a Reply", "Post a comment", "Add a comment", "Comments (12)", "3 Comments"
        r"(?:leave|post|add|write|submit|make) (?:a |your )?(?:reply|comment|response)s?(?: to .{1,120})?",
        r"(?:\d+ )?comments?(?: \(?\d+\)?)?|\d+ (?:responses?|replies|reactions?|thoughts on .{1,120})",
        # en: "Join the discussion", "Reader comments", "Comments are closed"
        r"(?:join|start) the (?:discussion|conversation)|reader comments|comments are closed",
        # es: "Deja una respuesta", "Comentarios", "2 comentarios"
        r"(?:deja|dejar|escribe|a[ñn]ade) (?:una respuesta|un comentario|tu comentario)|(?:\d+ )?comentarios?(?: \(?\d+\)?)?",
        # de: "Schreibe einen Kommentar", "Kommentare (3)", "Diskussion"
        r"(?:schreibe|hinterlasse|verfasse|schreiben sie) einen kommentar|(?:\d+ )?kommentare?(?: \(?\d+\)?)?|kommentieren",
        # fr: "Laisser un commentaire", "Laisser une réponse", "Commentaires", "Réagir"
        r"laisser (?:un commentaire|une r[ée]ponse)|(?:\d+ )?commentaires?(?: \(?\d+\)?)?|r[ée]agir [àa] cet article",
        # pt / it: "Deixe um comentário", "Comentários", "Lascia un commento", "Commenti"
        r"deixe (?:um coment[aá]rio|uma resposta)|(?:\d+ )?coment[aá]rios?|lascia un commento|(?:\d+ )?commenti",
        # nl / pl: "Geef een reactie", "Reacties (3)", "Dodaj komentarz", "Komentarze"
        r"(?:geef|laat|plaats) een reactie(?: achter)?|(?:\d+ )?reacties?(?: \(?\d+\)?)?|(?:dodaj|napisz|zostaw) komentarz|(?:\d+ )?komentarz(?:e|y)?(?: \(?\d+\)?)?",
        # The comment list's heading over its title, as WordPress themes print it: "2 comentarios
        # en “…”", "2 Gedanken zu „…“", "2 réflexions sur « … »", "2 comentários em “…”",
        # "2 commenti su “…”", "2 gedachten over “…”", "2 komentarze do „…”", "2 комментария к записи «…»"
        r"\d+ (?:comentarios? en|gedanken zu|r[ée]flexions? sur|commentaires? sur|coment[áa]rios? em|commenti su"
        r"|gedachten? over|reacties? op|komentarz(?:e|y)? do|комментари(?:й|я|ев) к (?:записи|статье)) .{1,120}",
        # ru / zh: "Добавить комментарий", "Комментарии (3)", "发表回复", "发表评论", "评论", "留言"
        r"(?:добавить|оставить|оставьте|написать) (?:комментарий|отзыв|ответ)|(?:\d+ )?комментари(?:и|й|ев|я)(?: \(?\d+\)?)?",
        r"(?:发表|添加|写|我要)(?:回复|评论|留言)|(?:\d+ ?条)?评论(?:区)?|网友评论|留言(?:板)?",
        # ja: "コメントを残す", "コメント", "3件のコメント"
        r"コメント(?:を残す|を書く|する|一覧)?|\d+\s*件のコメント",
    ),
    "share": (
        # en: "Share this:", "Share this article", "Share on Facebook", "Like this:"
        r"share(?: (?:this|it|the story|on \w+))?(?: (?:article|story|post|page))?|like this|spread the word",
        # en / es / de / fr: "Follow us on Twitter", "Síguenos en", "Folgen Sie uns", "Suivez-nous"
        r"(?:follow us|s[ií]guenos|folgen sie uns|suivez-nous|siga-nos|seguici)(?: (?:on|en|auf|sur|no|su) .{1,40})?",
        # es / de / fr / pt: "Compartir", "Teilen", "Partager", "Compartilhe"
        r"compart(?:e|ir|ilhe|ilhar)(?: (?:esta|este|en|no) .{1,40})?|(?:diesen (?:artikel|beitrag) )?teilen|partager(?: (?:cet|sur) .{1,40})?|condividi|me gusta esto|gef[äa]llt mir|j'aime ceci",
        # ru / zh: "Поделиться", "Поделиться в Telegram", "分享到", "分享本文"
        r"поделиться(?: (?:в|во|с) .{1,40})?|分享(?:到|至|本文|文章|给朋友)?",
        # nl / pl: "Delen", "Deel dit artikel", "Udostępnij", "Podziel się"
        # (never "Deel" alone: a brand's name as well as "share")
        r"delen|deel dit (?:artikel|bericht)|udost[ęe]pnij(?: (?:ten )?(?:artyku[łl]|wpis))?|podziel si[ęe]",
        # ja: "この記事をシェアする", "シェアする", "共有"
        r"(?:この記事を)?(?:シェア|共有)(?:する|しよう)?",
    ),
    "newsletter": (
        # en: "Sign up for our newsletter", "Subscribe", "Get our newsletter"
        r"(?:sign up|subscribe|register)(?: (?:to|for|now)\b.{0,60})?|(?:get|join) (?:our|the) newsletter.{0,40}|newsletter",
        # es / de / fr / pt: "Suscríbete", "Boletín", "Newsletter abonnieren", "Abonnez-vous"
        r"suscr[ií]bete.{0,60}|bolet[ií]n.{0,40}|newsletter abonnieren|jetzt abonnieren|abonnez-vous.{0,60}|inscrivez-vous.{0,60}|assine.{0,40}|iscriviti.{0,40}",
        # ru / zh: "Рассылка", "Подпишитесь на рассылку", "订阅新闻邮件", "订阅我们"
        r"рассылка|(?:подпишитесь|подписаться|подписка) на .{1,60}|订阅.{0,20}",
        # nl / pl: "Nieuwsbrief", "Schrijf je in", "Zapisz się do newslettera"
        r"nieuwsbrief.{0,40}|schrijf (?:je|u) in.{0,60}|zapisz si[ęe].{0,60}",
        # ja: "メールマガジン", "ニュースレター登録"
        r"メール(?:マガジン|マガ)(?:登録)?|ニュースレター(?:登録)?",
    ),
    "tags": (
        # en / es / de / fr / pt / it: "Tags", "Topics", "Etiquetas", "Schlagwörter", "Mots-clés"
        r"tags?|tagged(?: with)?|topics|filed under|etiquetas|temas|schlagw[öo]rter|schlagworte|themen|mots[- ]cl[ée]s|[ée]tiquettes|sujets|tag|argomenti",
        # ru / zh: "Теги", "Метки", "标签", "关键词"
        r"теги|тэги|метки|标签|关键词|关键字|タグ|キーワード|trefwoorden|tagi",
    ),
    "byline": (
        # en / es / de / fr: "About the author", "Sobre el autor", "Über den Autor", "À propos de l'auteur"
        r"about the (?:author|writer|reporter)|(?:sobre|acerca) (?:el|del) autor|[üu]ber (?:den autor|die autorin)|[àa] propos de l'auteur|sobre o autor",
        # pt / it: "Sobre a autora", "L'autore", "Sull'autore"
        r"sobre a autora|(?:sull'|l')autore|(?:sull'|l')autrice",
        # nl / pl: "Over de auteur", "O autorze"
        r"over de (?:auteur|schrijver)|o autor(?:ze|ce)",
        # ru / zh: "Об авторе", "关于作者", "作者简介"
        r"об авторе|关于作者|作者简介|この記事を書いた人|著者(?:について|紹介)|筆者(?:について|紹介)",
    ),
    "navigation": (
        # en / es / de / fr: "Post navigation", "Navegación de entradas", "Beitragsnavigation"
        r"(?:post|article|posts) navigation|navegaci[oó]n de (?:entradas|art[ií]culos)|beitrags-?navigation|navigation (?:des articles|de l'article)",
        # ru: "Навигация по записям"
        r"навигация по записям",
    ),
}

# Heading kinds whose section is a list of teasers, links or comments: after the heading,
# what looks like a teaser (mostly links, an excerpt ending in "…") goes with it.
TRAILING_SECTION_KINDS: frozenset[str] = frozenset({"related", "comments"})

# Heading kinds whose section is prose of its own (an author's bio, a newsletter pitch):
# everything after the heading goes with it, up to the next heading.
WHOLE_SECTION_KINDS: frozenset[str] = frozenset({"byline", "newsletter"})

# Heading kinds whose box goes whole even when it reads as prose (comments are prose too).
# A box of another kind holding prose is the article's own section that a heading such as
# "More about forms" or "Related work" opens: only its heading goes.
PROSE_SECTION_KINDS: frozenset[str] = WHOLE_SECTION_KINDS | {"comments"}

# ---------------------------------------------------------------------------------------
# Whole lines of junk, wherever they stand.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Costly:
    """A line pattern slow to fail on most lines (it opens with a run of any characters,
    tried at every length), given with literals one of which is in every line it matches
    (lower-cased): a line holding none of them is not tried against it."""

    needs: tuple[str, ...]
    pattern: str


# The social networks a writer or a site points readers to.
_SOCIAL = r"(?:twitter|facebook|instagram|linkedin|youtube|tiktok|threads|mastodon|bluesky|x)"

_MONTHS = (
    r"(?:jan(?:uary|vier|uar)?|feb(?:ruary|ruar)?|f[ée]vrier|mar(?:ch|s|zo)?|m[äa]rz|apr(?:il)?|avril|abril|may|mai|mayo|maio"
    r"|june?|juin|junio|junho|juni|july?|juillet|julio|julho|juli|aug(?:ust)?|ao[uû]t|agosto|sep(?:t(?:ember)?)?|septembre|septiembre|setembro"
    r"|oct(?:ober)?|octobre|octubre|outubro|oktober|nov(?:ember)?|novembre|noviembre|novembro|dec(?:ember)?|d[ée]cembre|diciembre|dezembro|dezember"
    r"|janeiro|enero|fevereiro|febrero|janvier|januar|marzo|mar[çc]o)"
)
_WEEKDAYS = (
    r"(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|segunda-feira|ter[çc]a-feira|quarta-feira|quinta-feira|sexta-feira"
)

# Datelines: a line that is nothing but a date and a time, in any of these languages.
_DATE = (
    rf"(?:(?:{_WEEKDAYS}),?\s*)?(?:\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}|\d{{1,2}}\.?\s*(?:de\s+)?{_MONTHS}\.?,?\s*(?:de\s+)?\d{{2,4}}"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*\d{{2,4}})(?:,?\s*(?:at|um|à|às|a las|-|,)?\s*\d{{1,2}}[:.h]\d{{2}}(?:\s*(?:am|pm|[a-z]{{2,4}}))?)?"
)
DATELINE = re.compile(_DATE, re.IGNORECASE)

# The label of a dateline: "Published", "Updated", "Actualizado", "Veröffentlicht", "Mis à jour"...
_DATELINE_LABEL = r"(?:published|updated|posted|last updated|publicado|actualizado|ver[öo]ffentlicht|aktualisiert|publi[ée]|mis [àa] jour)"

JUNK_LINES: Mapping[str, tuple[str | Costly, ...]] = {
    "source": (
        # A back-link label alone or with what it links to, in en / es / de / fr / pt / it:
        # "Source link", "Source link: site.example", "Enlace de origen", "Quelle: dpa",
        # "Lien source", "Link de origem", "Fonte originale"
        r"(?:source(?: link)?|original (?:source|article|link)|fuente(?: original)?|enlace (?:de origen|original|a la fuente)"
        r"|(?:original)?quelle|quelllink|lien (?:source|d'origine|original)|source (?:originale|d'origine)"
        r"|link (?:de origem|original[e]?|alla fonte)|fonte(?: original[e]?)?"
        # ru / zh: "Источник: ТАСС", "Ссылка на источник", "来源：新华社", "原文链接"
        r"|источник|первоисточник|ссылка на (?:источник|оригинал)|来源|文章来源|原文链接|原文地址|出处|出典|引用元|初出"
        # an aggregator's credit of where it found the story: "Via: site.example", "H/T: Jane Doe"
        r"|via|h/t|hat tip"
        # nl / pl: "Bron: ANP", "Źródło: PAP"
        r"|bron|[źz]r[óo]d[łl]o)"
        r"(?:\s*[:：|»>–-]\s*\S+(?:\s\S+){0,5})?",
        # "Originally published at example.com", "This article originally appeared on ..."
        r"(?:this (?:article|story|post|piece) )?(?:was )?(?:originally|first) (?:published|appeared|posted) (?:at|on|in|by)\b.{0,200}",
        # "The post X appeared first on Y." (syndication footer)
        r"the post .{1,250} appeared first on .{1,120}",
        # es / de / fr: "Publicado originalmente en", "Zuerst erschienen auf", "Initialement publié sur"
        r"publicado originalmente (?:en|por)\b.{0,200}|zuerst erschienen (?:auf|in|bei)\b.{0,200}|(?:initialement|originellement) publi[ée] (?:sur|dans|par)\b.{0,200}",
        # pt / it: "Publicado originalmente em ...", "Pubblicato originariamente su ..."
        r"publicad[oa] originalmente (?:em|no|na|por)\b.{0,200}|pubblicat[oa] (?:originariamente|originalmente|per la prima volta) (?:su|in|da)\b.{0,200}",
        # nl / pl: "Dit artikel verscheen eerder op ...", "Artykuł pierwotnie opublikowano na ..."
        r"(?:dit (?:artikel|bericht|verhaal) )?verscheen (?:eerder|eerst|oorspronkelijk) (?:op|in|bij)\b.{0,200}"
        r"|(?:artyku[łl] )?(?:pierwotnie|oryginalnie) opublikowan[oya]? (?:na|w)\b.{0,200}",
        # ru / zh: "Впервые опубликовано на ...", "本文首发于 ...", "本文转载自 ..."
        r"(?:впервые|первоначально|изначально) опубликован[оа]? (?:на|в)\b.{0,200}|本文(?:首发|最初发表|原载|转载|来源)(?:于|自|在).{0,200}",
        # ja: "この記事は example.org で最初に公開されました。"
        r"この(?:記事|ページ)は.{1,80}(?:で|に)(?:最初に)?(?:公開|掲載)され(?:まし)?た.{0,40}",
    ),
    "read_more": (
        # "READ MORE: headline", "Related: headline", "See also: headline" teaser lines
        r"(?:read more|more|related|see also|also read|read next|read also|recommended|watch)\s*[:>»|–-].{0,200}",
        # es / de / fr / pt: "Lee también:", "Lesen Sie auch:", "Lire aussi :", "Leia também:"
        r"(?:lee (?:tambi[eé]n|m[aá]s)|leer m[aá]s|te puede interesar|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|(?:[àa] )?lire aussi|voir aussi|leia (?:tamb[eé]m|mais)|leggi anche)\s*[:>»|–-]?.{0,200}",
        # ru / zh: "Читайте также:", "Подробнее", "相关阅读：", "阅读全文"
        r"(?:читайте также|читать (?:далее|ещ[её]|полностью)|подробнее|смотрите также|相关阅读|延伸阅读|推荐阅读|阅读更多|阅读全文|查看全文"
        r"|関連記事|あわせて読みたい|続きを読む|詳しくはこちら)\s*[:：>»|–-]?.{0,200}",
        # "Continue reading", "Read more", "Read the full story" as lone links
        r"continue reading.{0,80}|read (?:more|the (?:full|whole) (?:story|article))|leer m[aá]s|weiterlesen|lire la suite|(?:read|view) (?:all|more) (?:comments|stories)",
    ),
    "comment_form": (
        # en: the WordPress comment form and its notices
        r"your email address will not be published\..{0,80}|required fields are marked\s*\*?\.?",
        r"save my name,? e-?mail,? and website in this browser for the next time i comment\.?",
        r"(?:post|submit|add) (?:a )?comment|cancel reply|leave a (?:reply|comment)(?: to .{1,120})?|you must be logged in to post a comment\.?|comments are closed\.?",
        # Moderation notices, in en / es / pt / de / fr / it: "All comments are moderated", "Comments
        # that ... will not be published", "Comentários ... não serão aprovados pelo moderador"
        Costly(
            ("comment", "coment", "kommentar"),
            r"(?:all |your )?comments? (?:are|is|will be) (?:moderated|held for moderation|subject to (?:moderation|approval|review))\b.{0,200}"
            r"|.{0,200}\bcomments?\b.{0,120}\b(?:will not|won['’]t) be (?:approved|published)\b.{0,120}"
            r"|(?:los )?comentarios (?:est[aá]n|son|ser[aá]n) moderados.{0,200}|.{0,200}\bcomentarios\b.{0,120}\bno ser[aá]n (?:aprobados|publicados)\b.{0,120}"
            r"|(?:os )?coment[aá]rios (?:s[aã]o|ser[aã]o) moderados.{0,200}|.{0,200}\bcoment[aá]rios\b.{0,120}\bn[aã]o ser[aã]o (?:aprovados|publicados)\b.{0,120}"
            r"|(?:alle )?kommentare werden (?:moderiert|vor der ver[öo]ffentlichung gepr[üu]ft).{0,200}"
            r"|(?:les )?commentaires sont (?:mod[ée]r[ée]s|soumis [àa] (?:mod[ée]ration|validation)).{0,200}|(?:i )?commenti sono moderati.{0,200}",
        ),
        # es: "Tu dirección de correo electrónico no será publicada."
        r"tu (?:direcci[oó]n de )?correo(?: electr[oó]nico)? no (?:ser[aá] publicad[oa]|se publicar[aá])\..{0,80}|los campos obligatorios est[aá]n marcados (?:con )?\s*\*?\.?",
        r"guarda mi nombre, correo electr[oó]nico y web en este navegador para la pr[oó]xima vez que comente\.?|publicar (?:el )?comentario|deja una respuesta|cancelar respuesta",
        # de: "Deine E-Mail-Adresse wird nicht veröffentlicht."
        r"(?:ihre|deine) e-?mail-?adresse wird nicht ver[öo]ffentlicht\..{0,80}|erforderliche felder sind (?:mit )?\s*\*?\s*markiert\.?",
        r"meinen namen, (?:meine )?e-?mail(?:-adresse)? und (?:meine )?website in diesem browser (?:speichern, )?bis ich wieder kommentiere\.?|meinen namen, e-?mail und website in diesem browser f[üu]r die n[äa]chste kommentierung speichern\.?|kommentar (?:abschicken|absenden)|schreibe einen kommentar|antworten abbrechen",
        # fr: "Votre adresse e-mail ne sera pas publiée."
        r"votre adresse (?:e-?mail|email|de messagerie|courriel) ne sera pas publi[ée]e\.?.{0,80}|les champs obligatoires sont indiqu[ée]s avec\s*\*?\.?",
        r"enregistrer mon nom, mon e-?mail et mon site (?:web )?dans le navigateur pour mon prochain commentaire\.?|laisser un commentaire|publier (?:le )?commentaire|annuler la r[ée]ponse",
        # pt: "O seu endereço de email não será publicado.", "Campos obrigatórios marcados com *"
        r"o (?:seu )?endere[çc]o de e-?mail n[ãa]o ser[áa] publicado\.?.{0,80}|campos obrigat[óo]rios (?:est[ãa]o )?marcados com\s*\*?\.?",
        r"guardar (?:o )?meu nome, e-?mail e site neste navegador para a pr[óo]xima vez que eu comentar\.?|publicar coment[áa]rio|deixe um coment[áa]rio|cancelar resposta",
        # it: "Il tuo indirizzo email non sarà pubblicato.", "I campi obbligatori sono contrassegnati *"
        r"il tuo indirizzo (?:e-?mail|email) non sar[àa] pubblicato\.?.{0,80}|i campi obbligatori sono contrassegnati\s*\*?\.?",
        r"salva il mio nome, (?:e-?mail|email) e sito web in questo browser per la prossima volta che commento\.?|invia (?:il )?commento|lascia un commento|annulla risposta",
        # nl: "Je e-mailadres wordt niet gepubliceerd.", "Vereiste velden zijn gemarkeerd met *"
        r"(?:je|uw) e-?mailadres wordt niet gepubliceerd\.?.{0,80}|vereiste velden zijn gemarkeerd met\s*\*?\.?",
        r"mijn naam, e-?mail en (?:web)?site opslaan in deze browser voor de volgende keer wanneer ik een reactie plaats\.?|reactie plaatsen|geef een reactie|reactie annuleren",
        # pl: "Twój adres e-mail nie zostanie opublikowany.", "Wymagane pola są oznaczone *"
        r"tw[óo]j adres e-?mail nie zostanie opublikowany\.?.{0,80}|wymagane pola s[ąa] oznaczone\s*\*?\.?",
        r"zapisz moje dane, adres e-?mail i witryn[ęe] w przegl[ąa]darce aby wype[łl]ni[ćc] dane podczas pisania kolejnych komentarzy\.?"
        r"|opublikuj komentarz|dodaj komentarz|anuluj pisanie odpowiedzi",
        # ru: "Ваш адрес email не будет опубликован.", "Обязательные поля помечены *"
        r"ваш (?:адрес )?(?:email|e-mail|электронной почты) не будет опубликован\.?.{0,80}|обязательные поля помечены\s*\*?\.?",
        r"сохранить мо[её] имя, email и адрес сайта в этом браузере для последующих моих комментариев\.?|отправить комментарий|добавить комментарий|отменить ответ",
        # zh: "您的邮箱地址不会被公开。", "必填项已用 * 标注"
        r"您的(?:电子)?邮箱地址不会被公开.{0,80}|必填项已用\s*\*?\s*标注",
        r"在此浏览器中保存我的显示名称、邮箱地址和网站地址，以便下次评论时使用|发表评论|提交评论|取消回复",
        # ja: "メールアドレスが公開されることはありません。", "* が付いている欄は必須項目です"
        r"メールアドレスが公開されることはありません.{0,80}|\*?\s*が付いている欄は必須項目です",
        r"次回のコメントで使用するためブラウザーに自分の名前、メールアドレス、サイトを保存する|コメントを送信|返信をキャンセル",
        # Field labels of comment forms, alone on their line: "Name *", "E-Mail *", "Website"
        r"(?:comment|name|e-?mail|website|url|nombre|correo(?: electr[oó]nico)?|sitio web|web|kommentar|website|commentaire|nom|site web|site internet"
        r"|coment[áa]rio|commento|nome|site|sito web|sito|reactie|naam|komentarz|nazwa|witryna internetowa|комментарий|имя|сайт|评论|显示名称|名称|昵称|邮箱|电子邮件|网站|コメント|名前|メール|メールアドレス|サイト|ウェブサイト)\s*[*:：]?\s*\*?",
    ),
    "credit": (
        # "Photo: Reuters", "Credit: Getty Images", "Foto: dpa", "Bild: Keystone", "Crédit photo : AFP"
        r"(?:photo|photograph|image|picture|pic|credit|photo credit|image credit|image source|foto|fotos|bild|bildquelle|imagen|fotograf[ií]a|cr[ée]dits?(?: photo)?|illustration"
        r"|фото|фотография|изображение|иллюстрация|图片来源|图片|图源|摄影|写真|画像|撮影|afbeelding|zdj[ęe]cie)\s*(?::|：|©|by)\s*.{1,120}",
        # pl: "Fot. Jan Kowalski/PAP" (the abbreviation's dot is the label's colon)
        r"fot\.\s*.{1,120}",
        # A caption ending in a credit, in any language: "Sandbags near the river. Photo: Jane Doe"
        Costly(
            ("photo", "image", "picture", "fot", "bild", "credit", "crédit", "illustration", "фото"),
            r"[^\n]{1,300}?[.!?)]\s+(?:photos?|photograph|images?|pictures?|fotos?|bild(?:er)?|imagen|cr[ée]dits?(?: photo)?|illustration|фото)\s*(?::|by|von|de|por|di)\s*[^\s.!?][^.!?]{0,60}"
            r"|[^\n]{1,300}?[.!?)]\s+fot\.\s*[^\s.!?][^.!?]{0,60}",
        ),
        # The same in Chinese, and the press's "(Xinhua reporter Zhang Wei photo)": "居民们在河边装沙袋。摄影：张伟",
        # "三月，居民们在河边装沙袋。（新华社记者 张伟 摄）"
        Costly(
            ("摄", "图", "写真", "撮影", "画像"),
            r"[^\n]{1,300}?[。！？）)]\s*(?:摄影|图片来源|图源|图|写真|撮影|画像)\s*[:：/]\s*[^。！？]{1,40}|[^\n]{0,300}?[（(][^（）()]{1,40}\s摄",
        ),
        # A Japanese caption credited to its agency or photographer in brackets: "（共同通信）",
        # "（撮影・山田太郎）" (the closing bracket trimmed with the line's edges)
        Costly(
            ("共同", "時事", "ロイター", "撮影", "写真"),
            r"[^\n]{0,300}?[（(](?:共同通信|共同|時事通信|時事|ロイター|(?:撮影|写真)\s*[・:：]\s*[^（）()]{1,20})[）)]?",
        ),
        # A caption ending in a credit: "Installation views, photos © Inexhibit, 2018"
        Costly(
            ("©", "(c)", "copyright"),
            r".{0,200}\b(?:photos?|images?|pictures?|fotos?|bild(?:er)?|credits?|cr[ée]dits?)\s*(?:©|\(c\)|copyright)\s*.{1,80}",
        ),
        # "(AP Photo/Evan Vucci)", "Getty Images", "© Reuters" as a line of its own
        r"\(?(?:ap|afp|reuters|getty images|epa|dpa|shutterstock|istock)(?: photo)?(?:/[\w.'’ -]{2,60})?\)?|©\s*.{1,80}",
    ),
    "ad": (
        # Ad labels: "Advertisement", "Anzeige", "Publicidad", "Publicité", "Story continues below"
        r"advertisement|advertising|sponsored(?: content)?|ad|ads|anzeige|werbung|publicidad|publicit[ée]|pub|annuncio|publicidade|pubblicit[àa]|advertentie|reklama|реклама|广告|推广|広告|スポンサーリンク|(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|scroll to continue with content",
    ),
    "share": (
        # "Share this:", "Click to share on Twitter (Opens in new window)", "Tweet", "Email", "Print"
        r"share(?: this)?(?: (?:article|story|post))?\s*:?|like this:?|click to (?:share|email|print) .{0,80}|tweet|pin it|e-?mail|print|whatsapp|facebook|twitter|linkedin|reddit|telegram|copy link|copy url",
        # "Follow us on ...", "Síguenos en ...", "Folgen Sie uns auf ...", "Suivez-nous sur ..."
        r"(?:follow us|s[ií]guenos|folgen sie uns|suivez-nous)(?: (?:on|en|auf|sur) .{1,60})?|compartir|teilen|partager|me gusta esto:?|gef[äa]llt mir:?",
        # ru / zh: "Поделиться во ВКонтакте", "Telegram", "分享到微信", "微博", "QQ空间", "复制链接"
        r"поделиться(?: (?:в|во|с) .{1,40})?|вконтакте|одноклассники|телеграм|分享(?:到|至)?\s*[:：]?\s*(?:微信|微博|qq空间|qq|朋友圈)?|微信|微博|qq空间|朋友圈|复制链接",
        # The writer's or section's social accounts, in en / es / de / fr / pt / it: "Email Jane at
        # j@x.com or follow her @jane", "Sígueme en Instagram: @ana", "Folgen Sie uns auf X"
        Costly(
            ("follow", "sigue", "sígue", "folg", "suivez", "siga-", "segui"),
            r"(?:.{0,120}\s)?(?:follow (?:us|him|her|them|me)|s[ií]gue(?:me|nos|le|la)|folg(?:en sie|t|e) (?:uns|mir|ihm|ihr)|suivez[- ](?:nous|moi|le|la)|siga-(?:nos|me)|segu(?:ici|imi))"
            rf" (?:(?:on|en|auf|bei|sur|no|na|su) {_SOCIAL}\b|@).{{0,160}}",
        ),
        # "Follow The Times Opinion section on Facebook, Twitter (@opinion) and Instagram."
        rf"follow .{{1,60}} on {_SOCIAL}\b.{{0,60}}@.{{0,120}}",
        # Calls to subscribe to a video channel: "Subscribe to our YouTube channel for the latest
        # videos", "Suscríbete a nuestro canal", "Abonniere unseren Kanal", "Abonnez-vous à la chaîne"
        r"(?:subscribe|suscr[ií]bete|abonniere|abonnieren sie|abonnez-vous|inscreva-se|iscriviti)\b.{0,80}\b(?:youtube|channel|canal|kanal|cha[iî]ne)\b.{0,120}",
    ),
    "newsletter": (
        # "Sign up for our daily newsletter", "Subscribe to our newsletter"
        Costly(
            ("newsletter", "inbox"),
            r".{0,120}\b(?:sign up|subscribe|register)\b.{0,120}\bnewsletters?\b.{0,120}|get (?:the|our) .{0,60}newsletter.{0,120}|.{0,80}delivered (?:straight |directly )?to your inbox.{0,80}",
        ),
        # es / de / fr: "Suscríbete a nuestro boletín", "Newsletter abonnieren", "Abonnez-vous à notre newsletter"
        r"suscr[ií]bete .{0,120}|(?:jetzt )?(?:den |unseren )?newsletter abonnieren.{0,80}|abonnieren sie .{0,120}newsletter.{0,120}|(?:abonnez|inscrivez)-vous .{0,120}",
        # ru / zh: "Подпишитесь на нашу рассылку ...", "订阅我们的每日新闻邮件 ..."
        r"(?:подпишитесь|подписывайтесь) на .{0,60}(?:рассылк|канал|новост).{0,160}|订阅(?:我们的)?.{0,30}(?:邮件|新闻|通讯|频道).{0,80}",
        # ja: "メールマガジンに登録して、最新のニュースを受け取りましょう。"
        r".{0,60}(?:メール(?:マガジン|マガ)|ニュースレター)(?:に|へ)(?:登録|購読).{0,120}",
        # nl / pl: "Schrijf je in voor onze nieuwsbrief ...", "Zapisz się do naszego newslettera ..."
        r"(?:schrijf (?:je|u) in|meld (?:je|u) aan) (?:voor|op) .{0,60}nieuwsbrief.{0,120}|zapisz si[ęe] (?:do|na) .{0,60}newslett?er.{0,120}",
    ),
    "tags": (
        # "Tags: a, b, c", "Etiquetas: ...", "Schlagwörter: ...", "Mots-clés : ...", "Posted in World"
        r"(?:tags?|tagged(?: with)?|topics|filed under|categor(?:y|ies)|etiquetas|categor[ií]as?|schlagw[öo]rter|schlagworte|themen|kategorien?|mots[- ]cl[ée]s|[ée]tiquettes|cat[ée]gories?)\s*:.{0,200}",
        r"(?:posted in|filed under|archivado en|abgelegt unter|class[ée] dans)\s+.{1,80}",
        # ru / zh: "Метки: ...", "Рубрика: ...", "标签：...", "分类："
        r"(?:trefwoorden|tagi|kategori[ea])\s*:.{0,200}|(?:теги|тэги|метки|рубрик[аи]|категори[яи])\s*:.{0,200}|(?:标签|关键词|关键字|分类|タグ|キーワード|カテゴリー?)\s*[:：].{0,200}",
        # A post's meta line, who posted it and under which category or tags: "05/10/2018 - Posted
        # by: Jane Doe - Category: Health - Tags: a, b", "Publicado por Ana | Categoría: Salud"
        Costly(
            ("posted", "publi", "ffentlicht"),
            r".{0,80}\b(?:posted|published|publicado|publicada|ver[öo]ffentlicht|publi[ée]e?) (?:by|por|von|par)\b.{1,80}"
            r"\b(?:categor(?:y|ies|[ií]as?)|kategorien?|cat[ée]gories?|tags?|etiquetas|schlagw[öo]rter)\s*:.{0,200}",
        ),
    ),
    "navigation": (
        # "Previous post: ...", "Next article", "Artículo anterior", "Nächster Beitrag", "Article suivant"
        r"(?:previous|next|prev|older|newer) (?:post|article|story|entry)\s*[:»«]?.{0,200}",
        r"(?:art[ií]culo|entrada|noticia|post) (?:anterior|siguiente)\s*[:»«]?.{0,200}|(?:vorheriger|n[äa]chster) (?:artikel|beitrag)\s*[:»«]?.{0,200}|(?:article|billet) (?:pr[ée]c[ée]dent|suivant)\s*[:»«]?.{0,200}",
        r"(?:back to top|skip to (?:main )?content|zum inhalt springen|ir al contenido|aller au contenu)",
        # ru / zh: "Предыдущая запись: ...", "Следующая статья", "上一篇：...", "下一篇", "返回顶部"
        r"(?:предыдущая|следующая) (?:запись|статья|новость)\s*[:»«]?.{0,200}|(?:上一篇|下一篇|上一条|下一条|前の記事|次の記事)\s*[:：]?.{0,200}"
        r"|(?:vorig|volgend) (?:bericht|artikel)\s*[:»«]?.{0,200}|(?:poprzedni|nast[ęe]pny) (?:wpis|artyku[łl])\s*[:»«]?.{0,200}"
        r"|перейти к содержимому|наверх|返回顶部|跳至内容",
        # A table of contents' title left alone when its links went: "Table of Contents",
        # "In this article", "Inhaltsverzeichnis", "Índice", "Sommaire", "Indice dei contenuti"
        r"(?:table of contents|contents|in this (?:article|post|guide)|on this page|jump to(?: section)?"
        r"|inhaltsverzeichnis|inhalt|[ií]ndice(?: de contenidos?| dei contenuti)?|tabla de contenidos?|contenidos"
        r"|sommaire|table des mati[èe]res|sum[áa]rio|conte[úu]do|inhoudsopgave|inhoud|spis tre[śs]ci|содержание(?: статьи)?|оглавление|目录|文章目录|目次)",
    ),
    "notice": (
        # "Copyright 2024 Example Media. All rights reserved.", "© 2024 ...", "All rights reserved"
        Costly(
            (
                "copyright",
                "©",
                "(c)",
                "rights reserved",
                "derechos reservados",
                "rechte vorbehalten",
                "droits r",
                "rechten voorbehouden",
                "prawa zastrze",
                "права защищены",
                "版权所有",
                "無断転載",
            ),
            r"(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:\d{4}|by\b).{0,160}|copyright [\w .,&'’-]{1,60} \d{4}\b.{0,100}|.{0,120}(?:all rights reserved|todos los derechos reservados|alle rechte vorbehalten|tous droits r[ée]serv[ée]s|alle rechten voorbehouden|wszelkie prawa zastrze[żz]one|все права защищены|版权所有|無断転載(?:を)?禁(?:止|じます))\.?.{0,60}",
        ),
        # Wire-service reprint notice: "This material may not be published, broadcast, rewritten or redistributed."
        r"this (?:material|article|story) (?:may|must) not be (?:published|reproduced|copied).{0,160}|reprinted with permission.{0,160}",
    ),
    "dateline": (
        # "Published: 23 December 2024", "Updated 14:05 GMT", "Veröffentlicht am 3. Mai 2024"
        _DATELINE_LABEL + r"(?: (?:on|at|el|am|le))?\s*:?\s*" + _DATE,
        # A time alone: "Updated at 1:23 p.m.", "Actualizado a las 14:05", "Aktualisiert um 9.30 Uhr"
        _DATELINE_LABEL
        + r"(?: (?:at|a las|um|[àa]|[àa]s))?\s*:?\s*\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?\s?m\.?|uhr|h)?(?:\s*[a-z]{2,4})?",
    ),
}

# Junk lines matched against the line as written, not normalised: told apart by capital
# letters (names, agencies) or by the brackets and colons that normalising trims.
_NAME = r"[A-ZÀ-ÞĀ-ŽА-ЯЁ][\w.'’-]*"
_NAMES = _NAME + r"(?:\s+(?:" + _NAME + r"|van|von|de|da|del|der|la|le|y|e|bin|al-?\w*)){0,5}"

# A name of at least two words ("Jane Doe", "The Associated Press"), and the picture agencies
# that credit a photographer's work alone ("(Jane Doe/Reuters)")
_TWO_WORD_NAME = _NAME + r"\s+" + _NAMES
_AGENCIES = r"(?:AP|AFP|Reuters|EPA|Getty(?: Images)?|dpa|Shutterstock|iStock|Bloomberg|Xinhua)"
# The agencies whose name prefixes "Photo" in a credit: "(AP Photo/Evan Vucci)"
_PHOTO_AGENCIES = r"(?:AP|AFP|Reuters|EPA|Getty)"
# A photo credit in brackets: "(Ahn Young-joon/The Associated Press)", "(AP Photo/Evan Vucci)"
_BRACKETED_CREDIT = (
    r"\((?:"
    + _PHOTO_AGENCIES
    + r" )?(?:[Pp]hoto(?: by)?:? )?"
    + _NAMES
    + r"\s*/\s*"
    + _NAMES
    + r"(?:\s+via\s+"
    + _NAMES
    + r")?\)\.?"
)

CASED_JUNK_LINES: Mapping[str, tuple[str | Costly, ...]] = {
    # (Lines too long for `JUNK_LINES`' limit, matched as written, case ignored.)
    "cookies": (
        # A cookie banner's notice, its subject first (or after an opening clause or sentence):
        # "We use cookies to ...", "This site uses cookies ...", "Etsy uses cookies to
        # personalise ...", "We value your privacy. We and 600 third-party partners use
        # cookies ...", "In order to give you the best experience, we use cookies ..."
        # (never "apps that use cookies")
        Costly(
            ("cookie",),
            r"(?i:(?:[^\n]{0,80}[,.:]\s*)?(?:(?:we|this (?:web)?site|our (?:web)?site)"
            r"(?: and (?:our )?(?:\d+ )?(?:third[- ]party )?partners)? uses?"
            # a brand's "Etsy uses cookies" only with a banner's words after it: never "Browsers
            # use cookies to remember you"
            r"|[\w.&'’-]+ uses(?=.{0,400}\b(?:experience|personali[sz]|analy|advertis|functionality|traffic|consent)))"
            r" cookies\b.{0,400})",
        ),
        # The same in es / de / fr / pt / it: "Utilizamos cookies", "Este sitio web utiliza
        # cookies", "Wir verwenden Cookies", "Diese Website verwendet Cookies", "Nous utilisons
        # des cookies", "Ce site utilise des cookies", "Este site usa cookies", "Utilizziamo i cookie"
        Costly(
            ("cookie",),
            r"(?i:(?:[^.!?\n]{0,80},\s*)?(?:(?:utilizamos|usamos|wir (?:verwenden|nutzen)|nous utilisons|utilizziamo) (?:des |i )?cookies?"
            r"|(?:este|questo|ce|diese) (?:sitio|site|sito|website|webseite|seite)(?: web)? (?:utiliza|usa|verwendet|nutzt|utilise|utilizza) (?:des |i )?cookies?)\b.{0,400})",
        ),
        # ru / zh: "Мы используем файлы cookie", "Этот сайт использует cookie", "我们使用 Cookie",
        # "本网站使用 Cookie"
        Costly(
            ("cookie",),
            r"(?i:(?:[^.!?\n]{0,80},\s*)?(?:мы используем|(?:этот|наш) сайт использует) (?:файлы )?cookies?\b.{0,400})",
        ),
        # nl / pl: "Wij gebruiken cookies ...", "Deze website gebruikt cookies", "Używamy plików cookie ..."
        Costly(
            ("cookie",),
            r"(?i:(?:[^.!?\n]{0,80},\s*)?(?:wij gebruiken|we gebruiken|(?:deze|onze) (?:web)?site gebruikt|u[żz]ywamy(?: plik[óo]w)?|(?:ta|nasza) strona u[żz]ywa(?: plik[óo]w)?) cookies?\b.{0,400})",
        ),
        Costly(
            ("cookie",), r"(?i:[^。！？\n]{0,40}(?:我们|本网站|本站)(?:会)?(?:使用|利用)\s*cookies?.{0,400})"
        ),
        # ja: "当サイトでは、...Cookieを使用しています。"
        Costly(
            ("cookie",),
            r"(?i:[^。！？\n]{0,40}(?:当|本|この)(?:ウェブ)?サイト[^。！？\n]{0,80}cookies?.{0,400})",
        ),
        # Its consent sentence: "By continuing to use this site, you are consenting to our use
        # of cookies", "By using our website, you agree to our use of cookies"
        r"(?i:by (?:continuing to use|using) (?:this|our) (?:web)?site,? you (?:are consenting|consent|agree) to (?:our|the) use of cookies.{0,200})",
        # Its categories, as the common consent managers word them: "These cookies are
        # strictly necessary ...", "These cookies allow us to count visits ...", "These
        # cookies enable the website to ...", "These cookies may be set through our site ..."
        r"(?i:these cookies (?:are (?:strictly )?necessary|allow us|enable (?:the|this) (?:web)?site|may be set|track your|collect information)\b.{0,400})",
    ),
    "markup": (
        # A widget's label and a bare address: "Listen: http://po.st/x", "Source: https://..."
        # (a closed list of labels: "Full report: https://..." is the article's own line)
        r"(?i:source(?: link)?|via|listen|watch|share|follow|fuente|enlace|quelle|lien|fonte|escucha|[ée]couter|h[öo]ren)"
        r"\s*:\s*(?:https?://|www\.)\S+",
        # Unrendered CMS shortcodes: "[button link=...]Send us your review[/button]", an opening
        # one with attributes ("[convertkit form=42]"), a closing one ("[/button]") or a template
        # placeholder ("[CTA_MODULE]"); a bracketed word ("[CNET]", "[edit]", "[Unit]") is text.
        r"\[(?P<shortcode>\w+)[^\]]*\].{0,200}\[/(?P=shortcode)\]|\[\w+\s[^\]=]*=[^\]]*\]|\[/\w+\]|\[[A-Z]+(?:_[A-Z]+)+\]",
    ),
    "credit": (
        # A caption ending in its credit: "Protesters rally in Seoul. (Ahn Young-joon/The
        # Associated Press)", "Crowds at the fair (AP Photo/Evan Vucci)": the credit after a
        # sentence, after "Photo" or an agency, or with names of two words or more ("Hoka
        # Clifton 10 (Men's/Women's)" ends in a product's variants, not in a credit)
        r".{0,400}[.!?][\"”’]?\s+" + _BRACKETED_CREDIT,
        r".{0,400}\((?:"
        + _PHOTO_AGENCIES
        + r" [Pp]hoto|[Pp]hoto(?: by)?:?)\s*/?\s*"
        + _NAMES
        + r"(?:\s*/\s*"
        + _NAMES
        + r")?\)\.?",
        r".{0,400}\(" + _TWO_WORD_NAME + r"\s*/\s*(?:" + _TWO_WORD_NAME + "|" + _AGENCIES + r")\)\.?",
        # A credit of its own: "AP Photo/Evan Vucci", "Ahn Young-joon/The Associated Press",
        # "(Jane Doe/Reuters)": in brackets, or a name of two words or more on each side of
        # the slash ("Coffee/Tea", "Action / Adventure" are a menu's or a shop's categories)
        r"\((?:(?:AP|AFP) )?(?:Photo|Foto)?\s*/?\s*" + _NAMES + r"\s*/\s*" + _NAMES + r"\)",
        _TWO_WORD_NAME + r"\s*/\s*" + _TWO_WORD_NAME,
        r"(?:(?:AP|AFP) )?(?:Photo|Foto)\s*/\s*" + _NAMES,
    ),
    "byline": (
        # Bylines: "By Jane Doe", "BY JANE DOE", "Por Juan Pérez", "Von Max Muster", "Par Jean Dupont, AFP"
        # (names matched atomically, a word conjunction between spaces: a name such as
        # "AeAeAe" can be split only one way, so a failing line costs linear time)
        r"(?i:by|por|von|par|de|di)\s+(?>"
        + _NAMES
        + r")(?:(?>\s*[,&]\s*|\s+(?:and|y|und|et|e)\s+)(?>"
        + _NAMES
        + r"))*(?:\s*[|,•·–—-]\s*.{0,60})?",
        # ru: "Автор: Иван Петров", "Текст: Анна Смирнова и Олег Орлов"
        r"(?i:автор|текст)\s*:\s*" + _NAMES + r"(?:\s*(?:,|\s+и\s+)\s*" + _NAMES + r")*",
        # zh: the reporter's or the editor's credit: "作者：张伟", "本报记者 李明、王芳",
        # "（责任编辑：张伟）", "文／李明"
        r"[（(]?(?:作者|(?:本报)?(?:特约)?记者|(?:责任)?编辑|通讯员|文)\s*[:：/／]?\s*"
        r"[\u4e00-\u9fff·]{2,5}(?:[、，,\s]+[\u4e00-\u9fff·]{2,5}){0,5}[）)]?",
    ),
}

# A line of a product's specifications: a short label (no sentence in it) and its value
# after a colon ("Weight: 700 g", "Poids : 700 g", "Material: 100% cotton").
SPEC_LINE = re.compile(r"[^:.!?\n]{1,40}:\s*\S.{0,120}")

# Kinds of junk lines that are only junk at the edges of the text (first or last blocks):
# in the middle of the body such a line is a quoted phrase more often than not.
EDGE_ONLY_LINE_KINDS: frozenset[str] = frozenset({"byline", "dateline"})

# Teasers for other pages recognised by their shape, with no heading above them: an excerpt
# of at least `MIN_EXCERPT_CHARS` ending in an ellipsis, perhaps after a title of at most
# `MAX_TEASER_TITLE_CHARS` that is no sentence. A run of at least `MIN_TEASER_RUN` of them
# closing the text after its prose goes.
MIN_EXCERPT_CHARS = 60
MAX_TEASER_TITLE_CHARS = 150
MIN_TEASER_RUN = 2

# Lines longer than this are never tested against `JUNK_LINES`: all junk lines are short,
# except captions, which get `MAX_CAPTION_CHARS`.
MAX_JUNK_LINE_CHARS = 260
MAX_CAPTION_CHARS = 460

# How many characters at the end of a text its ending ("...", "[…]", "read more") is looked
# for in: searching the whole text for `marker\W*\Z` costs the square of a long run of
# punctuation (40,000 dots: 20 s), and no ending is longer.
ENDING_CHARS = 64

_PUNCT_EDGES = " \t\r\n\u00a0\u200b•·|»«›‹>–—-:;,.!?*()[]{}\"'“”‘’…：；，。！？（）【】「」《》、\u3000"


def normalise_phrase(text: str) -> str:
    """Lower-case `text`, fold runs of white space and trim punctuation and bullets at its ends."""
    # split() and re's \s know the same white space; joining the words is twice as fast as
    # a substitution, and a space the substitution leaves at an end goes with the edges.
    return " ".join(text.split()).strip(_PUNCT_EDGES).lower()


# The letters that IGNORECASE matches to a letter of a `Costly` literal but that `lower()`
# does not turn into it: dotless ı and long ſ (i and s), İ (lowered to i and U+0307), the old
# Cyrillic forms of в, д, о, с, т, ъ, ѣ, ꙋ. A line holding one is tried against every pattern.
_CASE_FOLD_ODDITIES = "ıſ\u0307" + "".join(map(chr, range(0x1C80, 0x1C89)))


@dataclass(frozen=True, slots=True)
class RuleTable:
    """A table's patterns as one whole-text regex, and the same less its `Costly` patterns
    for the lines that hold none of their literals (found by `needed`)."""

    every: re.Pattern[str]
    quick: re.Pattern[str]
    needed: re.Pattern[str]


def compile_table(
    table: Mapping[str, tuple[str | Costly, ...]], flags: int = re.I, *, leave_out: Collection[str] = ()
) -> RuleTable:
    """A table of pattern alternatives per kind (less the kinds `leave_out`), tried in the
    table's order: a match's `lastgroup` is the first kind whose patterns match the whole
    text (one regex call per text instead of one per kind)."""
    kept = {kind: patterns for kind, patterns in table.items() if kind not in leave_out}
    needs = {
        need
        for patterns in kept.values()
        for rule in patterns
        if isinstance(rule, Costly)
        for need in rule.needs
    }
    return RuleTable(
        every=_table_regex(kept, flags, keep_costly=True),
        quick=_table_regex(kept, flags, keep_costly=False),
        # Literals only, no character class: a search for alternatives that all open with a
        # literal skips the positions holding none of their first letters (twice as fast).
        needed=re.compile("|".join(map(re.escape, [*sorted(needs), *_CASE_FOLD_ODDITIES]))),
    )


def _table_regex(
    table: Mapping[str, tuple[str | Costly, ...]], flags: int, *, keep_costly: bool
) -> re.Pattern[str]:
    branches = []
    for kind, rules in table.items():
        patterns = [
            rule.pattern if isinstance(rule, Costly) else rule
            for rule in rules
            if keep_costly or not isinstance(rule, Costly)
        ]
        if patterns:
            branches.append(f"(?P<{kind}>" + "|".join(f"(?:{p})" for p in patterns) + r")\Z")
    return re.compile("|".join(branches), flags | re.S)


def matched_kind(table: RuleTable, text: str) -> str | None:
    """The kind of a `compile_table` table that `text` is wholly, or None."""
    pattern = table.every if table.needed.search(text.lower()) else table.quick
    match = pattern.match(text)
    return match.lastgroup if match is not None else None
