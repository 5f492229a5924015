"""Junk as real pages show it, per kind and language, in three markups:

- semantic: a box with telling class names, after the article (how themes mark it);
- plain: the same box with no class or id at all, at the end of the article's body;
- flattened: plain `<p>` and `<br>` text inside the article, some of it between paragraphs.

Each case lists the texts that must not appear in the extracted text. What must stay is
the whole clean article (`pages.expected_text`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pages import Placement


@dataclass(frozen=True)
class JunkCase:
    kind: str
    lang: str
    markup: str
    placement: Placement
    must_go: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.kind}-{self.lang}-{self.markup}"


# Words of each kind of junk, per language: (heading, items...) as a reader sees them.
RELATED = {
    "en": ("Related Posts", "You may also like"),
    "es": ("Artículos relacionados", "También te puede interesar"),
    "de": ("Ähnliche Artikel", "Das könnte Sie auch interessieren"),
    "fr": ("Articles similaires", "Vous aimerez aussi"),
    "ru": ("Похожие статьи", "Вам также может понравиться"),
    "zh": ("相关文章", "猜你喜欢"),
    "ja": ("関連記事", "こちらもおすすめ"),
    "pt": ("Artigos relacionados", "Você também pode gostar"),
    "it": ("Articoli correlati", "Potrebbe interessarti anche"),
    "nl": ("Gerelateerde berichten", "Misschien vind je dit ook leuk"),
    "pl": ("Podobne wpisy", "Może Cię zainteresować"),
}
TEASERS = {
    "en": [
        (
            "Storm closes coastal roads",
            "Heavy rain and high winds forced the closure of three roads along the coast on Monday, as emergency crews…",
        ),
        (
            "Bridge repairs to start in May",
            "Work on the old rail bridge will begin in May and last until the end of the year, the transport office said…",
        ),
    ],
    "es": [
        (
            "Una tormenta cierra las carreteras de la costa",
            "Las fuertes lluvias y el viento obligaron el lunes a cerrar tres carreteras de la costa, mientras los equipos de emergencia…",
        ),
        (
            "Las obras del puente empezarán en mayo",
            "Los trabajos en el viejo puente ferroviario comenzarán en mayo y durarán hasta final de año, según la oficina de transporte…",
        ),
    ],
    "de": [
        (
            "Sturm sperrt Küstenstraßen",
            "Starker Regen und Sturmböen haben am Montag zur Sperrung von drei Straßen an der Küste geführt, während Rettungskräfte…",
        ),
        (
            "Brückensanierung beginnt im Mai",
            "Die Arbeiten an der alten Eisenbahnbrücke beginnen im Mai und dauern bis zum Jahresende, teilte das Verkehrsamt mit…",
        ),
    ],
    "fr": [
        (
            "La tempête ferme les routes du littoral",
            "De fortes pluies et des vents violents ont entraîné lundi la fermeture de trois routes du littoral, tandis que les secours…",
        ),
        (
            "Les travaux du pont débuteront en mai",
            "Les travaux sur le vieux pont ferroviaire commenceront en mai et dureront jusqu'à la fin de l'année, selon le service des transports…",
        ),
    ],
    "ru": [
        (
            "Шторм перекрыл прибрежные дороги",
            "Сильный дождь и ветер в понедельник вынудили закрыть три дороги на побережье, пока аварийные службы…",
        ),
        (
            "Ремонт моста начнётся в мае",
            "Работы на старом железнодорожном мосту начнутся в мае и продлятся до конца года, сообщили в транспортном ведомстве…",
        ),
    ],
    "zh": [
        ("暴风雨导致沿海道路关闭", "周一，强降雨和大风迫使沿海三条道路关闭，紧急救援人员正在……"),
        ("旧铁路桥维修工程将于五月开始", "交通部门表示，旧铁路桥的维修工程将于五月开始，并将持续到年底……"),
    ],
    "ja": [
        (
            "嵐で沿岸の道路が通行止めに",
            "月曜日、大雨と強風のため沿岸の三つの道路が通行止めとなり、救急隊が……",
        ),
        (
            "旧鉄道橋の補修工事、五月に開始へ",
            "交通局によると、古い鉄道橋の補修工事は五月に始まり、年末まで続く見通しで……",
        ),
    ],
    "pt": [
        (
            "Tempestade fecha estradas do litoral",
            "A chuva forte e o vento obrigaram na segunda-feira ao fecho de três estradas do litoral, enquanto as equipas de emergência…",
        ),
        (
            "Obras na ponte começam em maio",
            "Os trabalhos na velha ponte ferroviária vão começar em maio e durar até ao fim do ano, segundo o serviço de transportes…",
        ),
    ],
    "it": [
        (
            "La tempesta chiude le strade costiere",
            "Pioggia intensa e vento forte hanno costretto lunedì alla chiusura di tre strade lungo la costa, mentre i soccorritori…",
        ),
        (
            "I lavori al ponte inizieranno a maggio",
            "I lavori sul vecchio ponte ferroviario inizieranno a maggio e dureranno fino alla fine dell'anno, secondo l'ufficio trasporti…",
        ),
    ],
    "nl": [
        (
            "Storm sluit kustwegen af",
            "Zware regen en harde wind dwongen maandag tot het afsluiten van drie wegen langs de kust, terwijl hulpdiensten…",
        ),
        (
            "Herstel van de brug begint in mei",
            "De werkzaamheden aan de oude spoorbrug beginnen in mei en duren tot het einde van het jaar, meldt de vervoersdienst…",
        ),
    ],
    "pl": [
        (
            "Burza zamyka drogi na wybrzeżu",
            "Ulewny deszcz i silny wiatr wymusiły w poniedziałek zamknięcie trzech dróg na wybrzeżu, a służby ratunkowe…",
        ),
        (
            "Remont mostu ruszy w maju",
            "Prace na starym moście kolejowym rozpoczną się w maju i potrwają do końca roku, poinformował wydział transportu…",
        ),
    ],
}
COMMENT_FORM = {
    "en": (
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        ("Comment *", "Name *", "Email *", "Website"),
        "Save my name, email, and website in this browser for the next time I comment.",
        "Post Comment",
    ),
    "es": (
        "Deja una respuesta",
        "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *",
        ("Comentario *", "Nombre *", "Correo electrónico *", "Web"),
        "Guarda mi nombre, correo electrónico y web en este navegador para la próxima vez que comente.",
        "Publicar el comentario",
    ),
    "de": (
        "Schreibe einen Kommentar",
        "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
        ("Kommentar *", "Name *", "E-Mail *", "Website"),
        "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser speichern, bis ich wieder kommentiere.",
        "Kommentar abschicken",
    ),
    "fr": (
        "Laisser un commentaire",
        "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
        ("Commentaire *", "Nom *", "E-mail *", "Site web"),
        "Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain commentaire.",
        "Publier le commentaire",
    ),
    "ru": (
        "Добавить комментарий",
        "Ваш адрес email не будет опубликован. Обязательные поля помечены *",
        ("Комментарий *", "Имя *", "Email *", "Сайт"),
        "Сохранить моё имя, email и адрес сайта в этом браузере для последующих моих комментариев.",
        "Отправить комментарий",
    ),
    "zh": (
        "发表回复",
        "您的邮箱地址不会被公开。 必填项已用 * 标注",
        ("评论 *", "显示名称 *", "邮箱 *", "网站"),
        "在此浏览器中保存我的显示名称、邮箱地址和网站地址，以便下次评论时使用。",
        "发表评论",
    ),
    "ja": (
        "コメントを残す",
        "メールアドレスが公開されることはありません。 * が付いている欄は必須項目です",
        ("コメント *", "名前 *", "メール *", "サイト"),
        "次回のコメントで使用するためブラウザーに自分の名前、メールアドレス、サイトを保存する。",
        "コメントを送信",
    ),
    "pt": (
        "Deixe um comentário",
        "O seu endereço de email não será publicado. Campos obrigatórios marcados com *",
        ("Comentário *", "Nome *", "Email *", "Site"),
        "Guardar o meu nome, email e site neste navegador para a próxima vez que eu comentar.",
        "Publicar comentário",
    ),
    "it": (
        "Lascia un commento",
        "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *",
        ("Commento *", "Nome *", "Email *", "Sito web"),
        "Salva il mio nome, email e sito web in questo browser per la prossima volta che commento.",
        "Invia commento",
    ),
    "nl": (
        "Geef een reactie",
        "Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *",
        ("Reactie *", "Naam *", "E-mail *", "Site"),
        "Mijn naam, e-mail en site opslaan in deze browser voor de volgende keer wanneer ik een reactie plaats.",
        "Reactie plaatsen",
    ),
    "pl": (
        "Dodaj komentarz",
        "Twój adres e-mail nie zostanie opublikowany. Wymagane pola są oznaczone *",
        ("Komentarz *", "Nazwa *", "E-mail *", "Witryna internetowa"),
        "Zapisz moje dane, adres e-mail i witrynę w przeglądarce aby wypełnić dane podczas pisania kolejnych komentarzy.",
        "Opublikuj komentarz",
    ),
}
CAPTIONS = {
    "en": (
        "Residents fill sandbags near the river in March. (Jane Miller/The Associated Press)",
        "Photo: Jane Miller/Reuters",
    ),
    "es": (
        "Vecinos llenan sacos de arena junto al río en marzo. (Juan Pérez/Agencia EFE)",
        "Foto: Juan Pérez/EFE",
    ),
    "de": (
        "Anwohner füllen im März Sandsäcke am Fluss. (Max Muster/Deutsche Presse-Agentur)",
        "Foto: Max Muster/dpa",
    ),
    "fr": (
        "Des habitants remplissent des sacs de sable près du fleuve en mars. (Jean Dupont/Agence France-Presse)",
        "Crédit photo : Jean Dupont/AFP",
    ),
    "ru": (
        "Жители наполняют мешки с песком у реки в марте. (Иван Петров/ТАСС)",
        "Фото: Иван Петров/ТАСС",
    ),
    "zh": ("三月，居民们在河边装沙袋。（新华社记者 张伟 摄）", "图片来源：新华社"),
    "ja": ("3月、川の近くで土のうを詰める住民たち（共同通信）", "写真：共同通信"),
    "pt": (
        "Moradores enchem sacos de areia junto ao rio em março. (João Silva/Agência Lusa)",
        "Foto: João Silva/Lusa",
    ),
    "it": (
        "Residenti riempiono sacchi di sabbia vicino al fiume a marzo. (Marco Rossi/Agenzia ANSA)",
        "Foto: Marco Rossi/ANSA",
    ),
    "nl": (
        "Bewoners vullen in maart zandzakken bij de rivier. (Jan de Vries/Algemeen Nederlands Persbureau)",
        "Foto: Jan de Vries/ANP",
    ),
    "pl": (
        "Mieszkańcy napełniają worki z piaskiem nad rzeką w marcu. (Jan Kowalski/Polska Agencja Prasowa)",
        "Fot. Jan Kowalski/PAP",
    ),
}
ALT_TEXTS = {
    "en": "A line of people passing sandbags along a muddy street under a grey sky",
    "es": "Una fila de personas se pasa sacos de arena por una calle embarrada bajo un cielo gris",
    "de": "Eine Reihe von Menschen reicht Sandsäcke über eine schlammige Straße unter grauem Himmel",
    "fr": "Une file de personnes se passe des sacs de sable dans une rue boueuse sous un ciel gris",
    "ru": "Цепочка людей передаёт мешки с песком по грязной улице под серым небом",
    "zh": "一排人在灰色的天空下沿着泥泞的街道传递沙袋",
    "ja": "灰色の空の下、ぬかるんだ通りで土のうを手渡しで運ぶ人々の列",
    "pt": "Uma fila de pessoas passa sacos de areia por uma rua enlameada sob um céu cinzento",
    "it": "Una fila di persone si passa sacchi di sabbia lungo una strada fangosa sotto un cielo grigio",
    "nl": "Een rij mensen geeft zandzakken door over een modderige straat onder een grijze lucht",
    "pl": "Rząd ludzi podaje sobie worki z piaskiem na błotnistej ulicy pod szarym niebem",
}
SOURCE = {
    "en": ("Source link", "This article was originally published at example.org."),
    "es": ("Source link", "Publicado originalmente en example.org."),
    "de": ("Source link", "Zuerst erschienen auf example.org."),
    "fr": ("Source link", "Initialement publié sur example.org."),
    "ru": ("Source link", "Впервые опубликовано на example.org."),
    "zh": ("Source link", "本文首发于 example.org。"),
    "ja": ("Source link", "この記事は example.org で最初に公開されました。"),
    "pt": ("Source link", "Publicado originalmente em example.org."),
    "it": ("Source link", "Pubblicato originariamente su example.org."),
    "nl": ("Source link", "Dit artikel verscheen eerder op example.org."),
    "pl": ("Source link", "Artykuł pierwotnie opublikowano na example.org."),
}
SHARE = {
    "en": ("Share this:", "Click to share on Twitter (Opens in new window)", "Facebook", "Email"),
    "es": ("Compartir", "Compartir en Facebook", "Twitter", "WhatsApp"),
    "de": ("Teilen", "Diesen Artikel teilen", "Facebook", "E-Mail"),
    "fr": ("Partager", "Partager sur Facebook", "Twitter", "E-mail"),
    "ru": ("Поделиться", "Поделиться во ВКонтакте", "Telegram", "WhatsApp"),
    "zh": ("分享到：", "分享到微信", "微博", "QQ空间"),
    "ja": ("この記事をシェアする", "Xでシェア", "LINE", "はてなブックマーク"),
    "pt": ("Compartilhe", "Compartilhar no Facebook", "Twitter", "WhatsApp"),
    "it": ("Condividi", "Condividi su Facebook", "Twitter", "WhatsApp"),
    "nl": ("Delen", "Delen op Facebook", "Twitter", "WhatsApp"),
    "pl": ("Udostępnij", "Udostępnij na Facebooku", "Twitter", "WhatsApp"),
}
NEWSLETTER = {
    "en": ("Newsletter", "Sign up for our daily newsletter and get the news delivered to your inbox."),
    "es": ("Boletín", "Suscríbete a nuestro boletín y recibe las noticias en tu correo."),
    "de": (
        "Newsletter abonnieren",
        "Abonnieren Sie unseren Newsletter und erhalten Sie die Nachrichten per E-Mail.",
    ),
    "fr": ("Newsletter", "Abonnez-vous à notre newsletter et recevez l'actualité par e-mail."),
    "ru": ("Рассылка", "Подпишитесь на нашу ежедневную рассылку и получайте новости на почту."),
    "zh": ("订阅新闻邮件", "订阅我们的每日新闻邮件，第一时间获取最新消息。"),
    "ja": ("メールマガジン", "メールマガジンに登録して、最新のニュースを毎朝受け取りましょう。"),
    "pt": ("Newsletter", "Assine a nossa newsletter e receba as notícias no seu email."),
    "it": ("Newsletter", "Iscriviti alla nostra newsletter e ricevi le notizie via email."),
    "nl": (
        "Nieuwsbrief",
        "Schrijf je in voor onze dagelijkse nieuwsbrief en ontvang het nieuws in je inbox.",
    ),
    "pl": ("Newsletter", "Zapisz się do naszego newslettera i otrzymuj wiadomości na swoją skrzynkę."),
}
AD_LABEL = {
    "en": "Advertisement",
    "es": "Publicidad",
    "de": "Anzeige",
    "fr": "Publicité",
    "ru": "Реклама",
    "zh": "广告",
    "ja": "スポンサーリンク",
    "pt": "Publicidade",
    "it": "Pubblicità",
    "nl": "Advertentie",
    "pl": "Reklama",
}
NAVIGATION = {
    "en": ("Previous post: Storm closes coastal roads", "Next post: Bridge repairs to start in May"),
    "es": (
        "Artículo anterior: Una tormenta cierra las carreteras",
        "Artículo siguiente: Las obras del puente empezarán en mayo",
    ),
    "de": (
        "Vorheriger Artikel: Sturm sperrt Küstenstraßen",
        "Nächster Artikel: Brückensanierung beginnt im Mai",
    ),
    "fr": (
        "Article précédent : La tempête ferme les routes",
        "Article suivant : Les travaux du pont débuteront en mai",
    ),
    "ru": (
        "Предыдущая запись: Шторм перекрыл прибрежные дороги",
        "Следующая запись: Ремонт моста начнётся в мае",
    ),
    "zh": ("上一篇：暴风雨导致沿海道路关闭", "下一篇：旧铁路桥维修工程将于五月开始"),
    "ja": ("前の記事：嵐で沿岸の道路が通行止めに", "次の記事：旧鉄道橋の補修工事、五月に開始へ"),
    "pt": (
        "Artigo anterior: Tempestade fecha estradas do litoral",
        "Próximo artigo: Obras na ponte começam em maio",
    ),
    "it": (
        "Articolo precedente: La tempesta chiude le strade costiere",
        "Articolo successivo: I lavori al ponte inizieranno a maggio",
    ),
    "nl": ("Vorig bericht: Storm sluit kustwegen af", "Volgend bericht: Herstel van de brug begint in mei"),
    "pl": ("Poprzedni wpis: Burza zamyka drogi na wybrzeżu", "Następny wpis: Remont mostu ruszy w maju"),
}
TAGS = {
    "en": "Tags: floods, city council, river district",
    "es": "Etiquetas: inundaciones, ayuntamiento, barrio del río",
    "de": "Schlagwörter: Hochwasser, Stadtrat, Flussviertel",
    "fr": "Mots-clés : inondations, conseil municipal, quartier du fleuve",
    "ru": "Метки: наводнения, городской совет, прибрежный район",
    "zh": "标签：洪水、市议会、河区",
    "ja": "タグ：洪水、市議会、河川地区",
    "pt": "Tags: cheias, câmara municipal, bairro do rio",
    "it": "Tag: alluvioni, consiglio comunale, quartiere del fiume",
    "nl": "Tags: overstromingen, gemeenteraad, rivierwijk",
    "pl": "Tagi: powódź, rada miasta, dzielnica nad rzeką",
}
AUTHOR_BIO = {
    "en": ("About the author", "Anna Weber covers city politics and the environment for The Daily Example."),
    "es": (
        "Sobre el autor",
        "Ana Weber cubre la política municipal y el medio ambiente para The Daily Example.",
    ),
    "de": ("Über den Autor", "Anna Weber berichtet für The Daily Example über Stadtpolitik und Umwelt."),
    "fr": (
        "À propos de l'auteur",
        "Anna Weber couvre la politique municipale et l'environnement pour The Daily Example.",
    ),
    "ru": ("Об авторе", "Анна Вебер пишет о городской политике и экологии для The Daily Example."),
    "zh": ("关于作者", "安娜·韦伯为《每日范例》报道城市政治和环境新闻。"),
    "ja": (
        "この記事を書いた人",
        "アンナ・ウェーバーは『デイリー・エグザンプル』で市政と環境を担当する記者です。",
    ),
    "pt": ("Sobre o autor", "Anna Weber escreve sobre política local e ambiente para o The Daily Example."),
    "it": ("L'autore", "Anna Weber si occupa di politica cittadina e ambiente per The Daily Example."),
    "nl": ("Over de auteur", "Anna Weber schrijft voor The Daily Example over stadspolitiek en milieu."),
    "pl": ("O autorze", "Anna Weber pisze dla The Daily Example o polityce miejskiej i środowisku."),
}
COPYRIGHT = {
    "en": "© 2024 The Daily Example. All rights reserved.",
    "es": "© 2024 The Daily Example. Todos los derechos reservados.",
    "de": "© 2024 The Daily Example. Alle Rechte vorbehalten.",
    "fr": "© 2024 The Daily Example. Tous droits réservés.",
    "ru": "© 2024 The Daily Example. Все права защищены.",
    "zh": "© 2024 The Daily Example 版权所有",
    "ja": "© 2024 The Daily Example 無断転載禁止",
    "pt": "© 2024 The Daily Example. Todos os direitos reservados.",
    "it": "© 2024 The Daily Example. Tutti i diritti riservati.",
    "nl": "© 2024 The Daily Example. Alle rechten voorbehouden.",
    "pl": "© 2024 The Daily Example. Wszelkie prawa zastrzeżone.",
}
LANGS = ("en", "es", "de", "fr", "pt", "it", "nl", "pl", "ru", "zh", "ja")


def _related(lang: str) -> list[JunkCase]:
    heading, _ = RELATED[lang]
    teasers = TEASERS[lang]
    go = (heading, *(t for t, _ in teasers), *(e for _, e in teasers))
    boxed = "".join(
        f"<div><img src='/t{i}.jpg' alt=''><h3><a href='/s{i}'>{t}</a></h3><p>{e}</p></div>"
        for i, (t, e) in enumerate(teasers)
    )
    semantic = f"<section class='related-posts'><h2 class='related-title'>{heading}</h2>{boxed.replace('<div>', '<div class=related-post>')}</section>"
    plain = f"<div><h3>{heading}</h3>{boxed}</div>"
    flat = f"<p><strong>{heading}</strong></p>" + "".join(
        f"<p><a href='/s{i}'>{t}</a></p><p>{e}</p>" for i, (t, e) in enumerate(teasers)
    )
    flat_br = (
        f"<p>{heading}<br>"
        + "<br>".join(f"<a href='/s{i}'>{t}</a><br>{e}" for i, (t, e) in enumerate(teasers))
        + "</p>"
    )
    return [
        JunkCase("related", lang, "semantic", Placement(after_article=semantic), go),
        JunkCase("related", lang, "plain", Placement(end_of_body=plain), go),
        JunkCase("related", lang, "flattened", Placement(end_of_body=flat), go),
        JunkCase("related", lang, "flattened-br", Placement(end_of_body=flat_br), go),
        # Teasers with no heading above them, known by their shape: a title, an excerpt cut off
        JunkCase("related", lang, "headless", Placement(end_of_body=flat.split("</p>", 1)[1]), go[1:]),
    ]


def _comments(lang: str) -> list[JunkCase]:
    heading, notes, labels, consent, submit = COMMENT_FORM[lang]
    go = (heading, notes, *labels, consent, submit)
    fields = "".join(f"<p><label>{label}</label> <input type='text'></p>" for label in labels)
    form = f"<form><p>{notes}</p>{fields}<p><input type='checkbox'> <label>{consent}</label></p><p><input type='submit' value='{submit}'></p></form>"
    semantic = f"<div id='comments' class='comments-area'><div id='respond' class='comment-respond'><h3 class='comment-reply-title'>{heading}</h3>{form}</div></div>"
    plain = f"<div><h3>{heading}</h3>{form}</div>"
    flat = (
        f"<p>{heading}</p><p>{notes}</p>"
        + "".join(f"<p>{label}</p>" for label in labels)
        + f"<p>{consent}</p><p>{submit}</p>"
    )
    return [
        JunkCase("comments", lang, "semantic", Placement(after_article=semantic), go),
        JunkCase("comments", lang, "plain", Placement(after_article=plain), go),
        JunkCase("comments", lang, "flattened", Placement(end_of_body=flat), go),
    ]


def _captions(lang: str) -> list[JunkCase]:
    caption, credit_line = CAPTIONS[lang]
    alt = ALT_TEXTS[lang]
    semantic = f"<figure class='wp-block-image'><span class='image-description'>{alt}</span><img src='/p.jpg' alt='{alt}'><figcaption class='wp-element-caption'>{caption}</figcaption></figure>"
    plain = f"<div><img src='/p.jpg' alt='{alt}'><span>{alt}</span><p>{caption}</p></div>"
    flat = f"<p><img src='/p.jpg' alt='{alt}'><br>{caption}</p><p>{credit_line}</p>"
    hidden = f"<p><span class='screen-reader-text'>{alt}</span><img src='/p.jpg' alt=''></p><p class='wp-caption-text'>{caption}</p>"
    go = (caption, alt)
    return [
        JunkCase("caption", lang, "semantic", Placement(between_paragraphs=semantic), go),
        JunkCase("caption", lang, "plain", Placement(between_paragraphs=plain), go),
        JunkCase("caption", lang, "flattened", Placement(between_paragraphs=flat), (*go, credit_line)),
        JunkCase("caption", lang, "visually-hidden", Placement(between_paragraphs=hidden), go),
    ]


def _source(lang: str) -> list[JunkCase]:
    link, origin = SOURCE[lang]
    return [
        JunkCase(
            "source",
            lang,
            "semantic",
            Placement(
                end_of_body=f"<p class='source'><a href='https://example.org/x'>{link}</a></p><p class='origin'>{origin}</p>"
            ),
            (link, origin),
        ),
        JunkCase(
            "source",
            lang,
            "flattened",
            Placement(
                end_of_body=f"<p><br>\n<br><a href='https://example.org/x'>{link} </a></p><p>{origin}</p>"
            ),
            (link, origin),
        ),
    ]


def _boxes(lang: str) -> list[JunkCase]:
    """Share bars, newsletter boxes, tags, bios, navigation, notices: each in three markups."""
    cases = []
    share = SHARE[lang]
    news_heading, news_text = NEWSLETTER[lang]
    bio_heading, bio_text = AUTHOR_BIO[lang]
    previous, following = NAVIGATION[lang]
    boxes = {
        "share": (
            "sharedaddy sd-sharing-enabled",
            f"<h3>{share[0]}</h3><ul>"
            + "".join(f"<li><a href='#'>{s}</a></li>" for s in share[1:])
            + "</ul>",
            share,
        ),
        "newsletter": (
            "newsletter-signup",
            f"<h3>{news_heading}</h3><p>{news_text}</p>",
            (news_heading, news_text),
        ),
        "tags": ("post-tags", f"<p>{TAGS[lang]}</p>", (TAGS[lang],)),
        "author-bio": ("author-bio", f"<h4>{bio_heading}</h4><p>{bio_text}</p>", (bio_heading, bio_text)),
        "navigation": (
            "post-navigation",
            f"<p><a href='/p' rel='prev'>{previous}</a></p><p><a href='/n' rel='next'>{following}</a></p>",
            (previous, following),
        ),
        "copyright": ("copyright-notice", f"<p>{COPYRIGHT[lang]}</p>", (COPYRIGHT[lang],)),
    }
    for kind, (class_name, inner, go) in boxes.items():
        cases.append(
            JunkCase(
                kind,
                lang,
                "semantic",
                Placement(after_article=f"<div class='{class_name}'>{inner}</div>"),
                go,
            )
        )
        cases.append(JunkCase(kind, lang, "plain", Placement(end_of_body=f"<div>{inner}</div>"), go))
        cases.append(JunkCase(kind, lang, "flattened", Placement(end_of_body=inner), go))
    ad = AD_LABEL[lang]
    cases.append(
        JunkCase(
            "ad",
            lang,
            "semantic",
            Placement(
                between_paragraphs=f"<div class='ad-slot'><span class='ad-label'>{ad}</span><div id='div-gpt-ad-1'></div></div>"
            ),
            (ad,),
        )
    )
    cases.append(
        JunkCase(
            "ad",
            lang,
            "plain",
            Placement(between_paragraphs=f"<div><span>{ad}</span><div></div></div>"),
            (ad,),
        )
    )
    cases.append(JunkCase("ad", lang, "flattened", Placement(between_paragraphs=f"<p>{ad}</p>"), (ad,)))
    return cases


# Variants the closed lists once missed: a back-link label with what it links to, and a
# caption whose credit comes last, after the sentence.
SOURCE_LABELS = {
    "en": "Source link: daily-news.example",
    "es": "Enlace de origen: noticias.example",
    "de": "Quelle: nachrichten.example",
    "fr": "Lien source : actualites.example",
    "ru": "Источник: novosti.example",
    "zh": "来源：xinwen.example",
    "ja": "出典：nyusu.example",
    "pt": "Link de origem: noticias.example",
    "it": "Fonte: notizie.example",
    "nl": "Bron: nieuws.example",
    "pl": "Źródło: wiadomosci.example",
}
CAPTIONS_CREDIT_LAST = {
    "en": "Residents fill sandbags near the river in March. Photo: Jane Miller",
    "es": "Vecinos llenan sacos de arena junto al río en marzo. Foto: Juan Pérez",
    "de": "Anwohner füllen im März Sandsäcke am Fluss. Foto: Max Muster",
    "fr": "Des habitants remplissent des sacs de sable près du fleuve en mars. Photo : Jean Dupont",
    "ru": "Жители наполняют мешки с песком у реки в марте. Фото: Иван Петров",
    "zh": "三月，居民们在河边装沙袋。摄影：张伟",
    "ja": "3月、川の近くで土のうを詰める住民たち。写真：山田太郎",
    "pt": "Moradores enchem sacos de areia junto ao rio em março. Foto: João Silva",
    "it": "Residenti riempiono sacchi di sabbia vicino al fiume a marzo. Foto: Marco Rossi",
    "nl": "Bewoners vullen in maart zandzakken bij de rivier. Foto: Jan de Vries",
    "pl": "Mieszkańcy napełniają worki z piaskiem nad rzeką w marcu. Fot. Jan Kowalski",
}


def _variants(lang: str) -> list[JunkCase]:
    label, caption = SOURCE_LABELS[lang], CAPTIONS_CREDIT_LAST[lang]
    site = label.rsplit(" ", 1)[-1]
    name, _, _ = label.partition(":")
    linked = f"<p><a href='https://{site}/story'>{name.strip()}</a>: {site}</p>"
    layout = f"<table><tr><td><img src='/p.jpg' alt=''><br>{caption}<br></td></tr></table>"
    return [
        JunkCase("source", lang, "labelled", Placement(end_of_body=f"<p>{label}</p>"), (label,)),
        JunkCase("source", lang, "labelled-link", Placement(end_of_body=linked), (site,)),
        JunkCase(
            "caption", lang, "credit-last", Placement(between_paragraphs=f"<p>{caption}</p>"), (caption,)
        ),
        JunkCase("caption", lang, "layout-table", Placement(between_paragraphs=layout), (caption,)),
    ]


TOC_TITLES = {
    "en": "Table of Contents",
    "es": "Tabla de contenidos",
    "de": "Inhaltsverzeichnis",
    "fr": "Sommaire",
    "ru": "Содержание",
    "zh": "目录",
    "ja": "目次",
    "pt": "Índice",
    "it": "Indice dei contenuti",
    "nl": "Inhoudsopgave",
    "pl": "Spis treści",
}


def _table_of_contents(lang: str) -> list[JunkCase]:
    """A table of contents before the body, its title left alone when its links go."""
    title, entry = TOC_TITLES[lang], "<ul><li><a href='#s1'>1</a></li><li><a href='#s2'>2</a></li></ul>"
    return [
        JunkCase(
            "toc",
            lang,
            "semantic",
            Placement(
                between_paragraphs=f"<div class='ez-toc-container'><p class='ez-toc-title'>{title}</p>{entry}</div>"
            ),
            (title,),
        ),
        JunkCase(
            "toc", lang, "plain", Placement(between_paragraphs=f"<div><p>{title}</p>{entry}</div>"), (title,)
        ),
        JunkCase(
            "toc",
            lang,
            "flattened",
            Placement(between_paragraphs=f"<p><strong>{title}</strong></p>"),
            (title,),
        ),
    ]


COOKIE_NOTICES = {
    "en": "We use cookies to give you the best experience on our website and to analyse our traffic. "
    "By continuing to use this site, you agree to our use of cookies.",
    "es": "Utilizamos cookies propias y de terceros para mejorar tu experiencia y analizar el tráfico de la web.",
    "de": "Wir verwenden Cookies, um Ihnen ein optimales Nutzererlebnis zu bieten und unseren Verkehr zu analysieren.",
    "fr": "Nous utilisons des cookies pour vous offrir la meilleure expérience sur notre site et mesurer l'audience.",
    "ru": "Мы используем файлы cookie, чтобы улучшить работу сайта и анализировать трафик. "
    "Продолжая пользоваться сайтом, вы соглашаетесь с использованием cookie.",
    "zh": "我们使用 Cookie 来为您提供更好的浏览体验并分析网站流量。继续使用本网站即表示您同意我们使用 Cookie。",
    "ja": "当サイトでは、より良いサービスを提供するためにCookieを使用しています。サイトを利用することで、Cookieの使用に同意したものとみなされます。",
    "pt": "Utilizamos cookies para melhorar a sua experiência e analisar o tráfego do nosso site.",
    "it": "Utilizziamo i cookie per offrirti la migliore esperienza sul nostro sito e analizzare il traffico.",
    "nl": "Wij gebruiken cookies om je de beste ervaring op onze website te bieden en ons verkeer te analyseren.",
    "pl": "Używamy plików cookie, aby zapewnić najlepsze wrażenia na naszej stronie i analizować ruch.",
}


def _cookie_notice(lang: str) -> list[JunkCase]:
    """A cookie banner printed into the page's text, its notice a long line."""
    notice = COOKIE_NOTICES[lang]
    semantic = f"<div id='cookie-notice' class='cookie-banner'><p>{notice}</p></div>"
    return [
        JunkCase("cookies", lang, "semantic", Placement(end_of_body=semantic), (notice,)),
        JunkCase("cookies", lang, "plain", Placement(end_of_body=f"<div><p>{notice}</p></div>"), (notice,)),
        JunkCase("cookies", lang, "flattened", Placement(between_paragraphs=f"<p>{notice}</p>"), (notice,)),
    ]


def all_cases() -> list[JunkCase]:
    cases: list[JunkCase] = []
    for lang in LANGS:
        for build in (
            _related,
            _comments,
            _captions,
            _source,
            _boxes,
            _variants,
            _table_of_contents,
            _cookie_notice,
        ):
            cases.extend(build(lang))
    return cases
