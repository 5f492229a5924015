"""Every default of `scraper run` (fetching, politeness, listings), in one place, each with the
reason for its value. Extraction's own defaults are in `scraper/extract/_settings.py`."""

from __future__ import annotations

from ..extract._settings import DEFAULT_MAX_HTML_BYTES

# ---------------------------------------------------------------------------------------
# `scraper run`: fetching. Each can be set by a command-line option or the config file.
# ---------------------------------------------------------------------------------------

# Requests in flight, all hosts together: enough to keep two cores busy extracting while
# pages download, few enough not to look like an attack from one address.
DEFAULT_CONCURRENCY = 32

# Connections to one host at a time. Two is what browsers' prefetchers and polite crawlers
# use; more gets a crawler throttled or banned.
DEFAULT_PER_HOST = 2

# Seconds between the start of two requests to one host. robots.txt `Crawl-delay` can
# only raise it.
DEFAULT_DELAY = 0.25

# The longest robots.txt `Crawl-delay` obeyed, in seconds: a host asking for more is still
# fetched, this far apart, rather than holding the run for hours.
MAX_CRAWL_DELAY = 30.0

# Seconds a whole request may take: connecting, redirects, and the body to its last byte
# (a server dripping a byte a second is cut off here, not after each byte).
DEFAULT_TIMEOUT = 30.0

# Seconds one page may take to be read (parsed and extracted) in its worker process. A page
# takes well under a second; this leaves room for the largest page allowed on a loaded
# machine, while a page built to make the parser spin costs a worker no longer than one
# slow request would. A worker past it is killed and replaced; the URL's outcome is
# `extraction_timeout`. (With --workers 0 pages are read in the run's own process, which
# cannot be stopped: no deadline there.)
DEFAULT_EXTRACT_TIMEOUT = 30.0

# Retries of one URL after a connection error, a timeout or a 408/425/429/500/502/503/504.
DEFAULT_RETRIES = 2

# The longest `Retry-After` obeyed, in seconds; a longer one counts as a failure now rather
# than stalling the run.
MAX_RETRY_AFTER = 60.0

# Backoff between retries: exponential from this many seconds, with full jitter, up to
# MAX_BACKOFF.
RETRY_BACKOFF = 0.5
MAX_BACKOFF = 30.0

# Redirects followed for one URL before giving up.
MAX_REDIRECTS = 10

# Largest page downloaded, counted after decompression (a gzip bomb stops here).
DEFAULT_MAX_BYTES = DEFAULT_MAX_HTML_BYTES

# The User-Agent sent, naming the tool so site owners can tell it apart and block it.
DEFAULT_USER_AGENT = "scraper/0.1 (+https://pypi.org/project/newsprune/)"

# HTTP statuses worth retrying: the server says "later", not "never".
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})

# Content types that are extracted; anything else is recorded as `not_html`.
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})

# Largest robots.txt read (RFC 9309 asks crawlers to read at least 500 KiB).
MAX_ROBOTS_BYTES = 512 * 1024

# robots.txt decisions remembered per host (by path and query, least recently used go).
MAX_ROBOTS_DECISIONS = 4_096

# A robots.txt longer than this is matched in a thread, off the event loop: matching costs
# time in the number of rules (500 KB of wildcard rules: ~20 ms a new path), which would
# otherwise stall every other host's downloads. Real files are a few KB; Google's is 30 KB.
ROBOTS_OFF_LOOP_BYTES = 64 * 1024

# URLs read ahead of the work, from the list and from the feeds and sitemaps it names (the
# rest of a listing's URLs wait in the state): bounds memory whatever the length of either.
MAX_PENDING_URLS = 2_000

# URLs of one host grouped into one batch, the unit of work.
BATCH_SIZE = 50

# Hosts whose connections are kept open for reuse (least recently used are closed): each
# holds up to --per-host sockets, and a process may only open so many files (often 1,024).
MAX_POOLED_HOSTS = 128

# Hosts whose robots.txt and politeness state are kept at once (least recently used go).
MAX_HOSTS_REMEMBERED = 10_000

# ---------------------------------------------------------------------------------------
# Feeds and sitemaps.
# ---------------------------------------------------------------------------------------

# Largest feed or sitemap read, after decompression: the sitemap protocol's own limit.
MAX_LISTING_BYTES = 50 * 1024 * 1024

# How many bytes of a document (a line of the list) say whether it is a feed or sitemap,
# to which MAX_LISTING_BYTES applies, or a page, to which --max-bytes does.
LISTING_SNIFF_BYTES = 4096

# Most URLs taken from one feed or sitemap: the sitemap protocol's own limit.
MAX_LISTING_ENTRIES = 50_000

# Sitemap indexes nested in one another, at most: the sitemap protocol allows none (an
# index lists sitemaps); one more level is tolerated, deeper ones are reported, not read.
MAX_LISTING_DEPTH = 2

# Runs in which a URL found in a feed or sitemap is tried before it is given up.
MAX_ITEM_ATTEMPTS = 3

# ---------------------------------------------------------------------------------------
# What counts as an article.
# ---------------------------------------------------------------------------------------

# Fewest words of prose (words of letters; a file name, a date or a number is not one) a
# page's text must have to be an article; fewer is `not_article`: a front page reduced to
# "Home", a menu, a directory listing. Twenty words is two short sentences: the briefest
# news brief passes. In Chinese, Japanese, Thai and other scripts written without spaces,
# two characters count as a word.
DEFAULT_MIN_WORDS = 20

# ---------------------------------------------------------------------------------------
# On a Dask cluster (`--cluster`).
# ---------------------------------------------------------------------------------------

# Seconds to wait for the scheduler to answer when the run starts.
CLUSTER_CONNECT_SECONDS = 10.0

# Host batches in flight per worker thread: one at work and one waiting, so a worker never
# idles between batches while the number in flight (and the client's memory) stays bounded.
CLUSTER_BATCHES_PER_THREAD = 2
