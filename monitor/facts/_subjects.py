"""What a stretch of a sentence is about: IT exports, freelancers, VPNs, or a subject the
monitor does not track."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._numbers import Figure
from ._periods import _MONTH_NAMES, MONTH_ALONE


@dataclass(frozen=True)
class Subject:
    """What a stretch of a sentence talks about: a watched subject, or ``None`` for others."""

    kind: str | None  # it_exports, freelancers, vpn, ranking, or None (not watched)
    start: int
    end: int


_IT = r"(?:(?-i:IT|ICT|I\.T\.|ITeS)(?:\s?(?:&|and)\s?(?:(?-i:ITeS)|IT[\s-]enabled\s+services))?|information\s+(?:and\s+communications?\s+)?technology)"
_TECH = rf"(?:{_IT}|software|tech(?:nology)?|digital)"
# Words that may stand between "IT" and "exports": "IT sector's export remittances",
# "IT and ITeS services exports", "IT sector generated an export remittance".
_BETWEEN = (
    r"(?:\s*\((?-i:[A-Z][A-Za-z&]{1,7})\))?(?:['’]s)?(?:\s+(?:sector|industry|services?|and\s+related\s+services|related|based)(?:['’]s)?)*"
    r"(?:\s+(?:were|was|are|is|being|have\s+been|has\s+been))?"
    r"(?:\s+(?:generated|posted|recorded|earned|fetched|brought\s+in))?(?:\s+(?:an?|the|its))?"
)
_EXPORTS = r"(?:exports?['’]?\s+(?:remittances?|earnings|receipts|proceeds|revenues?|inflows?)|export(?:s|ed)?)"
#: Words that make "exports" someone else's when they stand between IT and "exports" ("IT
#: sector's share of total exports").
_OTHER_EXPORTS = r"total|overall|national|merchandise|goods|textile|country|country's|share|contribution|percent|per|%"
#: IT, named in a window of a few words before or after an exports word, in one clause:
#: "export receipts from the IT sector", "exports of IT and ITeS services", Urdu "آئی ٹی کی
#: برآمدات", "انفارمیشن ٹیکنالوجی کے شعبے کی برآمدات".
_IT_WORD = (
    r"(?:(?-i:IT|ICT|ITeS|I\.T\.)|information\s+(?:and\s+communications?\s+)?technology|software|computer\s+services|call\s+cent(?:re|er)s?)"
)
_WINDOW_WORD = rf"(?!(?:{_OTHER_EXPORTS})\b)(?!freelanc)[\w&’'()-]+"  # ("exports of freelance computer services" are freelancers')
_UR_IT = r"(?:آئی\s?ٹی|آئی\s?سی\s?ٹی|انفارمیشن\s+(?:اینڈ\s+کمیونیکیشن\s+)?ٹیکنالوجی|ٹیکنالوجی|ٹیک|سافٹ\s?ویئر|کمپیوٹر)(?![^\W\d_])"
_ICT_CATEGORY = r"(?:telecom(?:munications?)?\s*,\s*computer|computer\s*,\s*telecom(?:munications?)?)\s*,?\s+(?:and|&)\s+information\s+(?:technology\s+)?services"
#: SBP's category in Urdu: "ٹیلی کمیونیکیشن، کمپیوٹر اور انفارمیشن سروسز", "ٹیلی مواصلات، کمپیوٹر اور اطلاعاتی خدمات".
_UR_ICT_CATEGORY = r"(?:ٹیلی\s?کمیونیکیشن|ٹیلی\s?مواصلات|ٹیلی\s?کام)\s*[،,]\s*کمپیوٹر\s*[،,]?\s+(?:اور|و)\s+(?:انفارمیشن|اطلاعاتی|معلوماتی)\s+(?:سروسز|خدمات)"
_UR_EXPORTS = r"(?:برآمدات|برآمد|ایکسپورٹس?|ایکپسورٹ)"
#: Services sold abroad, said of how they were earned: "by providing", "through the provision of".
_PROVIDING = r"(?:providing|rendering|exporting|offering|selling|the\s+provision\s+of)"
_URDU_UNTRACKED = re.compile(
    r"(?<![^\W\d_])(?:ترسیلات\s?زر|درآمدات|تجارتی\s+خسارہ|ذخائر|کرنٹ\s+اکاؤنٹ|جاری\s+کھات[ےا]|(?:مجموعی|ٹیکسٹائل|کل|کُل)\s+(?:کی\s+)?برآمدات|اشیاء?\s+کی\s+برآمدات"  # ("اشیا کی برآمدات": goods exports)
    r"|(?:مجموعی\s+)?خدمات\s+کی\s+(?:مجموعی|کل|کُل)\s+برآمدات|(?:مجموعی|کل|کُل)\s+خدمات\s+کی\s+برآمدات"
    # the services beside ICT in SBP's services trade: "دیگر بزنس سروسز" (other business services)
    r"|(?:دیگر\s+)?(?:بزنس|کاروباری)\s+(?:سروسز|خدمات)(?:\s+(?:کی|کے)\s+(?:برآمدات|ایکسپورٹس?))?"
    # and the other heads of services trade: transport, travel, construction, insurance, ...
    r"|(?:ٹرانسپورٹ|ٹریول|سفری|تعمیراتی|انشورنس|بیمہ|مالیاتی|حکومتی|سرکاری)\s+(?:سروسز|خدمات)(?:\s+(?:کی|کے)\s+(?:برآمدات|ایکسپورٹس?))?)(?![^\W\d_])"
)
#: A part of ICT exports named as bringing in its share: "computer services contributed",
#: "telecom services accounted for", "computer services continued to account for".
_PART_BRINGS_IN = r"(?:contribut\w+|accounted|(?:continu\w+\s+to\s+)?accounts?\s+for|made\s+up|brought\s+in|earned|fetched|amounted)\b"
#: What a part includes, said between it and its verb: ", which include software development
#: and export of freelance work, accounted ..." (the clause up to its closing comma).
WHICH_A_PART_INCLUDES = rf",\s+which\s+(?:include|includes|cover|covers|comprise|comprises)\b[^,.;]{{0,80}}(?:,[^,.;]{{0,80}}){{0,3}}?,(?=\s+{_PART_BRINGS_IN})"
#: A part named, then what it is, then its verb: "computer services, the largest component,
#: contributing $2,187.5 million".
_PART_APPOSITIVE = rf",\s+(?:the|its|a)\s+[^,.;\d]{{1,40}},\s+{_PART_BRINGS_IN}"
#: Not after a month's name: "April inflows" (see the untracked subjects below).
_NOT_A_MONTHS = "".join(
    rf"(?<!\b{m}\s)"
    for m in "January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
_SUBJECTS: tuple[tuple[str | None, re.Pattern], ...] = (
    # Parts of ICT exports (computer services, telecom services): kept under "other".
    ("it_component", re.compile(
        r"(?<![\w])(?:computer|telecom(?:munications?)?|information)\s+services?(?:\s+sector)?['’]?\s+exports?(?![\w])"
        r"|(?<![\w])(?:(?:software|hardware)\s+consultancy|computer\s+software|call\s+cent(?:re|er)s?)(?:\s+services?)?(?:\s+sector)?['’]?\s+exports?(?![\w])"
        r"|(?<![\w])exports?\s+of\s+(?:computer|telecom(?:munications?)?)\s+(?:services|software)(?![\w])"
        # a part named as contributing its share: "computer services contributed $211 million"
        # (or with what it includes said between: "Computer services, which include software
        # development and export of freelance work, accounted for the bulk")
        rf"|(?<![\w])(?:computer|telecom(?:munications?)?|information)\s+services?(?=\s+{_PART_BRINGS_IN}|{WHICH_A_PART_INCLUDES}|{_PART_APPOSITIVE})"
        # a rise or fall "in telecom services" is the part's own, "exports" unsaid
        r"|(?:(?<=\bin\s)|(?<=\bof\s))(?:computer|telecom(?:munications?)?)\s+services?(?![\w])(?!\s+(?:and|&)\s)"
        # Urdu: "کمپیوٹر سروسز کی برآمدات", but not an item of a list ("ٹیلی کام اور کمپیوٹر سروسز");
        # "اور" after a figure joins another clause ("... 39 کروڑ ڈالر اور ٹیلی کمیونیکیشن سروسز کی برآمدات")
        r"|(?<![،,])(?<![،,]\s)(?<!کام\sاور\s)(?<!کیشن\sاور\s)(?<!مواصلات\sاور\s)(?<!کمپیوٹر\sاور\s)(?<!سروسز\sاور\s)(?<!خدمات\sاور\s)(?<!ٹی\sاور\s)(?:کمپیوٹر|ٹیلی\s?کام|ٹیلی\s?کمیونیکیشن|ٹیلی\s?مواصلات)\s+(?:سروسز|خدمات)\s+(?:کی|کے)\s+(?:برآمدات|ایکسپورٹس?)"
        # or right before its figure ("جن میں سافٹ ویئر کنسلٹنسی سروسز 71 ملین ڈالر کی تھیں"; its share,
        # "کمپیوٹر سروسز کا حصہ ...", is a part by that word and leaves the subject before as it was)
        r"|(?:کمپیوٹر|ٹیلی\s?کام|ٹیلی\s?کمیونیکیشن|ٹیلی\s?مواصلات|(?:سافٹ\s?ویئر|ہارڈ\s?ویئر)\s+کنسلٹنسی)\s+(?:سروسز|خدمات)(?=\s+\d)"
        # and "سافٹ ویئر کنسلٹنسی کی برآمدات" (software consultancy), as in English
        r"|(?:سافٹ\s?ویئر|ہارڈ\s?ویئر)\s+کنسلٹنسی(?:\s+(?:سروسز|خدمات))?\s+(?:کی|کے)\s+(?:برآمدات|ایکسپورٹس?)",
        re.IGNORECASE,
    )),
    ("it_exports", re.compile(
        # SBP's name for the whole of ICT exports: "exports of telecommunication, computer and
        # information services" (each of its parts alone is a part)
        rf"(?<![\w])exports?\s+(?:of|under|in)\s+(?:the\s+)?{_ICT_CATEGORY}|(?<![\w]){_ICT_CATEGORY}(?:\s+sector)?['’]?\s+exports?(?![\w])"
        # "computer and telecommunication services exports": both parts together, the whole
        r"|(?<![\w])(?:computer\s+(?:and|&)\s+telecom(?:munications?)?|telecom(?:munications?)?\s+(?:and|&)\s+computer)\s+services['’]?\s+exports?(?![\w])"
        # "telecommunication, computer and information services, whose exports reached ..."
        rf"|(?<![\w]){_ICT_CATEGORY},?\s+whose\s+exports?(?![\w])"
        # and in Urdu, never its imports: "ٹیلی کمیونیکیشن، کمپیوٹر اور انفارمیشن سروسز ... جن کی برآمدات"
        # (with its exports named right after it, one subject: "... انفارمیشن سروسز کی برآمدات", which
        # are the category's whatever the sentence before was about)
        rf"|(?<![^\W\d_]){_UR_ICT_CATEGORY}(?:\s+(?:کی|کے)\s+{_UR_EXPORTS})?(?![^\W\d_])(?![^۔.]{{0,40}}درآمد)"
        # the category alone, said to be exported ("... remained the largest contributor on the
        # export side") or to have earned ("The category, which lumps together computer,
        # telecommunication and information services, fetched $686 million"), never imported
        rf"|(?<![\w])(?<!imports\sof\s)(?<!import\sof\s)(?<!imports\sof\sthe\s){_ICT_CATEGORY}(?!\s+(?:ki|ke|ka)\b)(?=[^.;]{{0,80}}\b(?:export(?:s|\s+side|ed)?|fetched|earned|brought\s+in|generated)\b)"
        rf"|(?<![\w])(?:{_TECH}){_BETWEEN}[\s-]+{_EXPORTS}(?![\w])(?!\s+(?:Board|Promotion|Processing|zones?|policy|target))"
        rf"|(?<![\w]){_IT}{_BETWEEN}\s+remittances?(?![\w])"
        # a hashtag in an office's post: "#ITExports for Jan 2025 clocked in at US$ 332M" (not
        # the tags a post ends on: "..., یعنی +16% YoY #ITExports #Pakistan")
        r"|(?<![\w])#(?:IT|ICT)_?Exports?(?![\w])(?!\s*(?:#|$|[.!۔]))"
        rf"|(?<![\w])exports?\s+(?:of|from)\s+(?:the\s+)?(?:{_TECH})(?![\w])"
        rf"|(?<![\w]){_IT}\s+(?:sector|industry)\s+(?:earned|generated|fetched|brought\s+in|posted|recorded)(?=[^.;]{{0,60}}\bexports?\b)"
        # (or what it brought home from abroad, said with the amount right after: "while the IT
        # sector brought in $1.86 billion over the same six months")
        rf"|(?<![\w]){_IT}\s+(?:sector|industry)\s+(?:had\s+|has\s+)?(?:brought\s+in|fetched)(?=\s+(?:US\s?\$|\$|USD\s?)\d)"  # (or "had fetched $2.12 billion")
        # "the country had exported ICT services worth $321 million": what was exported, named
        rf"|(?<![\w])exported\s+(?:its\s+|the\s+)?{_IT}(?:\s+(?:and|&)\s+IT[\s-]enabled)?\s+services(?![\w])"
        # "IT and IT-enabled services fetched $2.83 billion": services that fetch or earn abroad
        rf"|(?<![\w]){_IT}\s+(?:and|&)\s+IT[\s-]enabled\s+services\s+(?:fetched|earned|brought\s+in|generated)\b"
        # "the $3.14 billion the IT sector as a whole exported in FY24" (or earned, or brought in,
        # right after its amount: "11 percent of the $3.8 billion the IT industry earned")
        rf"|(?<![\w]){_IT}\s+(?:sector|industry)(?:\s+as\s+a\s+whole)?\s+exported\b"
        rf"|(?:(?<=million\s)|(?<=billion\s)|(?<=\dmn\s)|(?<=\dbn\s)|(?<=\dm\s))(?:that\s+)?the\s+(?:country['’]s\s+)?{_IT}\s+(?:sector|industry)(?:\s+as\s+a\s+whole)?\s+(?:earned|brought\s+in|fetched|generated)\b"
        rf"|(?<![\w]){_EXPORTS}(?:\s+{_WINDOW_WORD}){{0,3}}?\s+(?:from|of|by|comprising|including)\s+(?:the\s+)?(?:{_WINDOW_WORD}\s+){{0,2}}?{_IT_WORD}(?![\w])"
        rf"|(?<![\w]){_IT_WORD}(?:\s+{_WINDOW_WORD}){{1,5}}?\s+{_EXPORTS}(?![\w])(?!\s+(?:Board|Promotion|Processing|zones?|policy|target))"
        # "earned $214m by providing IT services in various countries": services sold abroad
        rf"|(?<![\w])(?:by|through)\s+{_PROVIDING}\s+(?:[\w-]+\s+){{0,4}}?{_IT_WORD}(?:\s*\([^)]{{1,8}}\))?\s+services"
        # (or the category by name: "earned $1.742 billion by providing telecommunication,
        # computer and information services", the statistics bureau's words)
        rf"|(?<![\w])(?:by|through)\s+{_PROVIDING}\s+(?:the\s+)?{_ICT_CATEGORY}"
        # "the country earned $372 million from IT and IT-enabled services": what the country
        # earns from IT services is what it exports of them
        rf"|(?:(?<=million\s)|(?<=billion\s)|(?<=\dmn\s)|(?<=\dbn\s)|(?<=\dm\s)|(?<=\d\s)|(?<=dollars\s))from\s+(?:the\s+)?(?:export\s+of\s+)?{_IT}(?:\s+(?:and|&)\s+IT[\s-]enabled)?\s+services(?![\w])(?!\s+(?:companies|firms|providers))"
        # "export remittances", SBP's name for what IT exporters bring home
        r"|(?<![\w])(?:sector\s+)?exports?['’]?\s+remittances?(?![\w])"
        # IT firms and freelancers together are the whole of what is exported: "IT companies and
        # freelancers exported services worth $298m", "آئی ٹی کمپنیوں اور فری لانسرز نے ..."
        rf"|(?<![\w])(?-i:IT|ICT)\s+(?:companies|firms|exporters|industry)\s+(?:and|&)\s+freelancers\b(?![’']s?\s+(?:earnings|income|remittances))"
        rf"|{_UR_IT}\s+(?:کمپنیوں|کمپنیاں|کمپنیز|برآمد\s?کنندگان|صنعت)\s+اور\s+فری\s?لانسرز"
        # (never across a figure: "آئی ٹی سیکٹر نے 38 کروڑ ڈالر کی برآمدات کیں" names the exports after it)
        rf"|{_UR_IT}(?:[\s،,]+(?!جو\s)[^\s\d]+){{0,6}}?\s*{_UR_EXPORTS}"  # (nor into a "جو" clause: "کمپیوٹر سروسز، جو آئی ٹی برآمدات کا ... حصہ ہیں")
        # "ملک نے آئی ٹی خدمات کی مد میں 2 ارب 45 کروڑ ڈالر کمائے": what the country earned under
        # the head of IT services is what it exported of them
        rf"|(?:آئی\s?ٹی|آئی\s?سی\s?ٹی|انفارمیشن\s+ٹیکنالوجی)\s+(?:(?:اور|و)\s+[^\s\d]+(?:\s+[^\s\d]+){{0,3}}?\s+)?(?:خدمات|سروسز)\s+کی\s+مد\s+میں(?![^\W\d_])",
        re.IGNORECASE,
    )),
    ("freelancers", re.compile(
        # ("freelance computer services", SBP's own line for what freelancers export, is theirs, not computer services')
        r"(?<![\w])(?:freelanc\w*(?:(?:['’]s?)?\s+(?:(?-i:IT|ICT)\s+)?(?:(?:remittances?|export|foreign\s+exchange)\s+)?(?:remittances|earnings|income|exports|inflows|receipts|proceeds)|\s+computer\s+services(?:\s+exports?)?)?|gig\s+(?:economy|workforce|workers?|work)|online\s+workers?|digital\s+workforce"
        # people said to work on online platforms are freelancers: "more than 2 million people work
        # on various online platforms"
        r"|(?:work|working|earn|earning)\s+(?:on|through)\s+(?:various\s+|different\s+|global\s+|international\s+)?(?:online|freelanc\w*|digital)\s+(?:platforms|marketplaces))"
        # (freelancers' remittances are theirs, not the workers' remittances "ترسیلات زر" names:
        # "فری لانسرز کی جانب سے وطن بھیجی گئی ترسیلات زر")
        # (and in Urdu: "فری لانس کمپیوٹر خدمات کی برآمدات", the freelancers' line of the services data)
        # ("مختلف آن لائن پلیٹ فارمز پر کام کر رہے ہیں": work on various online platforms)
        r"|(?:مختلف\s+|عالمی\s+)?آن\s?لائن\s+پلیٹ\s?فارمز\s+پر\s+کام(?![^\W\d_])"
        r"|فری\s?لانس\s+کمپیوٹر\s+(?:خدمات|سروسز)(?:\s+کی\s+(?:برآمدات|ایکسپورٹس?))?(?![^\W\d_])"
        r"|فری\s?لانس\w*(?:\s+(?:کی|کے)(?:\s+[^\s\d]+){0,5}?\s+ترسیلات(?:\s?زر)?(?![^\W\d_]))?",
        re.IGNORECASE,
    )),
    ("vpn", re.compile(r"(?<![\w])(?:(?-i:VPNs?)|virtual\s+private\s+networks?)(?![\w])|وی\s?پی\s?این|ورچوئل\s+پرائیویٹ\s+نیٹ\s?ورکس?", re.IGNORECASE)),
    (None, re.compile(
        r"(?<![\w])(?:(?:total|overall|national|country'?s|merchandise|goods|textile|food|rice|services|mango|agricultural|garments?|"
        r"readymade|petroleum|mobile\s+phone|pharmaceutical|engineering|surgical|sports)\s+(?:exports?|imports?)"
        r"|exports?\s+of\s+goods|workers'?\s+remittances|home\s+remittances|(?:overseas|foreign|diaspora)\s+(?:\w+\s+)?remittances|imports?|import\s+bill|trade\s+deficit"
        r"|remittances\s+(?:sent\s+|received\s+)?(?:by|from)\s+(?:the\s+)?(?:overseas|expatriate|non-resident|diaspora|workers|migrants?)"
        # (the senders named before what they sent: "1.7 million Pakistanis, who sent $4.6 billion
        # in remittances", "expatriates remitted $3bn")
        r"|(?:expatriates|migrants|(?:overseas\s+)?Pakistanis(?:\s+(?:abroad|overseas|living\s+abroad))?|diaspora|migrant\s+workers)\s*,?\s+(?:who\s+)?(?:sent|send|remitted)(?:\s+home)?"
        r"|(?:other\s+)?business\s+services|(?:transport(?:ation)?|travel|construction|insurance(?:\s+and\s+pension)?|financial|government)\s+services|current\s+account|(?<!\bof\s)(?-i:GDP)|reserves|(?<!export\s)(?<!exports\s)revenues?|budget|allocat\w+|investments?|(?-i:FDI)|loans?|tranches?|bailouts?|tax\s+collection|market\s+cap\w*"
        # (a month's "inflows" are the series the sentence is about: "IT exports clock $3.5 billion in
        # 10MFY26, April inflows at $372 million")
        rf"|deficit|surplus|(?=inflows){_NOT_A_MONTHS}inflows|outflows|spending|expenditure|salar(?:y|ies)|profits?|sales|valuation|funding|grants?)(?![\w])",
        re.IGNORECASE,
    )),
    # Urdu: remittances, imports, the trade deficit, reserves, total and textile exports
    (None, _URDU_UNTRACKED),
    # "exports" alone: IT exports when the sentence speaks of IT, or the sentence before did
    # (never a body's name: "the Pakistan Software Export Board")
    ("exports", re.compile(r"(?<![\w])(?:export\s+(?:earnings|receipts|proceeds|revenues?)|exports?|remittances)(?![\w])(?!\s+(?:Board|Promotion|Processing|Development|Zones?|Bureau|Council|Bank)\b)|برآمدات|ایکسپورٹس?", re.IGNORECASE)),
)
_RANKING_CONTEXT = re.compile(
    r"freelanc\w*|\bgig\b|online\s+(?:labou?r|work\w*)|(?-i:\bIT\b|\bICT\b)|software|digital|\btech\b|technology|internet|speedtest|broadband"
    r"|outsourc\w*|services\s+location"  # where IT work is sent: Kearney's Global Services Location Index
    r"|network\s+readiness|نیٹ\s?ورک\s+ریڈی?نس"  # the Network Readiness Index (a country's readiness for ICT)
    r"|\bmbps\b|(?:download|upload)\s+speeds?|ڈاؤن\s?لوڈ"  # a speed index's place, said with the speed alone
    r"|\b(?:mobile|fixed)\s+(?:data\s+)?speeds?\b"  # or with what the speed is of: "ranked 101st for mobile speed"
    r"|\b(?:mobile|broadband)\s+(?:speed\s+)?(?:index|chart|rankings?)\b"  # "89th on the mobile index"
    r"|فری\s?لانس|آئی\s?ٹی|سافٹ\s?ویئر|ڈیجیٹل|ٹیکنالوجی|انٹرنیٹ|براڈ\s?بینڈ|اسپیڈ\s?ٹیسٹ|گِ?گ|آؤٹ\s?سورسنگ|سروسز\s+لوکیشن"
    r"|آن\s?لائن\s+(?:لیبر|کام)",  # "آن لائن لیبر انڈیکس" (the Online Labour Index)
    re.IGNORECASE,
)
#: Rankings that are not the country's place (a university that keeps an index is no ranking of
#: universities: "according to an online labour index maintained by researchers at the University of Oxford").
_NOT_RANKED_HERE = re.compile(r"crypto\w*|bitcoin|blockchain|universities|university\s+rankings?|cricket", re.IGNORECASE)
_FOREIGN = re.compile(
    r"\b(?:India|Bangladesh|China|Philippines|Ukraine|Russia|Vietnam|Sri\s+Lanka|Egypt|Nigeria|Indonesia|Brazil|"
    r"United\s+States|(?-i:US|UK|UAE)|Britain|Serbia|Romania|"
    # countries that head the speed, freelancing and readiness tables
    r"Singapore|Qatar|Kuwait|Saudi\s+Arabia|United\s+Arab\s+Emirates|Norway|Denmark|Sweden|Finland|Iceland|Switzerland|"
    r"Netherlands|Germany|France|Japan|South\s+Korea|Korea|Hong\s+Kong|Taiwan|Malaysia|Thailand|Turkey|Türkiye|Iran|Afghanistan|"
    r"Nepal|Canada|Australia|New\s+Zealand|Mexico|Argentina|Kenya|Estonia)\b",
    re.IGNORECASE,
)
#: Their Urdu names, and Pakistan's in both scripts, for telling whose a rank is.
#: (whole words, or their adjectives: "بھارتی", never "روس" inside "سروسز", services)
_URDU_FOREIGN = re.compile(r"(?<![^\W\d_])(?:بھارت|ہندوستان|انڈیا|بنگل[ہا]\s?دیش|چین|امریکہ|امریکا|برطانیہ|متحدہ\s+عرب\s+امارات|سعودی\s+عرب|برازیل|یوکرائن|یوکرین|فلپائن|روس|سربیا)(?:ی|یوں|ن)?(?![^\W\d_])")
_PAKISTAN_NAME = re.compile(r"\bPakistan\b|پاکستان")
#: Pakistan's provinces and regions, in both scripts: a place ranked after one of them is the
#: province's among the others ("پنجاب پہلے، سندھ دوسرے اور خیبرپختونخوا تیسرے نمبر پر").
PROVINCE_NAMES = r"Punjab|Sindh|Khyber\s+Pakhtunkhwa|KP|KPK|Balochistan|Gilgit[\s-]Baltistan|AJK"
URDU_PROVINCES = r"پنجاب|سندھ|خیبر\s*پختونخوا|بلوچستان|گلگت(?:\s*-?\s*بلتستان)?"
_PROVINCE = re.compile(rf"\b(?:{PROVINCE_NAMES})\b|{URDU_PROVINCES}")
#: A phrase that may open a sentence before the words that refer back: "On a month-on-month
#: basis, the figure ...", "In August, the sector ...", with a word that links it to the
#: sentence before, on either side ("On a yearly basis, however, the receipts ...",
#: "However, the figure ...").
_LINKING = r"(?:(?:however|meanwhile|moreover|still|also|though|in\s+turn|as\s+a\s+result)\s*,\s*)?"
OPENING = rf"{_LINKING}(?:(?:in|on|during|for|by|at|over|with|compared\s+with|compared\s+to|according\s+to)\s+[^,.;]{{1,40}},\s*)?{_LINKING}"
#: "Which" and its Urdu "جو", where a relative clause opens.
WHICH = r"\bwhich\b|(?<![^\W\d_])جو(?![^\W\d_])"
#: The whole world, said of a figure: "worldwide", "globally", "around the world".
WORLDWIDE = r"worldwide|globally|around\s+the\s+(?:world|globe)"
#: A sentence that opens on a part of the total before: "Of the total, $41 million ...".
OF_THE_TOTAL = r"^\W*(?:out\s+)?of\s+(?:the|this|that)\s+(?:total|amount|sum)\b"
_ANAPHOR = re.compile(
    rf"^\W*{OPENING}(?:they|their|it|its|these|this|that['’]s\b|that(?=\s+(?:was|is|marks?|marked|represents?|represented|compares?|brought|took|puts?|means?|meant|leaves?|left|lifted|raised|pushed|figure|amount|total)\b)|the\s+(?:sector|industry|(?:[\w-]+(?:['’]s)?\s+)?figure|amount|earnings|receipts|inflows))\b|\b(?:they|their|exports?)\b"
    # "the sector" anywhere: "December's $385m is the best month the sector has ever had"
    r"|\bthe\s+sector\b"
    # "Inflows had already reached $209 million ...", "December receipts of $229 million ..."
    # ("Monthly inflows slipped to $21 million in December": the subject's, month by month)
    rf"|^\W*(?:(?:in\s+)?{_MONTH_NAMES}(?:\s+\d{{4}})?(?:['’]s)?\s+|monthly\s+)?(?:inflows|receipts|earnings|proceeds)\b"
    # "Of the total, $41 million was received in August": a part of the total before
    rf"|{OF_THE_TOTAL}"
    # "August's figure, at $337m, was lower than July's": a month's figure of the subject before
    rf"|^\W*{OPENING}(?:{_MONTH_NAMES})['’]s\s+(?:figure|total|tally|number)\b"
    # "July's $354 million was the second-highest monthly figure on record": a month's amount
    rf"|^\W*{OPENING}(?:{_MONTH_NAMES})['’]s\s+(?:US\s?\$|\$|USD\s?)\d"
    # "The first-half total climbed to $1.88 billion": the total of the subject before (never
    # "the total number of ..." or "the total of ...", which name what they count)
    # ("the eight-month tally of $1.73 billion": "of" an amount, not of what it counts)
    rf"|^\W*{OPENING}the\s+(?:[\w-]+\s+){{0,2}}?(?:total|tally)\b(?!\s+(?:number\s+)?of\b(?!\s+(?:US\s?\$|\$|USD|Rs\.?|PKR)\s?\d))"
    # "The IT ministry said earnings rose 30% ...": the same nouns as what is reported
    # (or a month's: "He said October's receipts were slightly below ...")
    rf"|\b(?:said|says|told|showed|show)\s+(?:that\s+)?(?:the\s+)?(?:{_MONTH_NAMES}['’]s\s+)?(?:inflows|receipts|earnings|proceeds|figure)\b"
    # "... the third quarter was the strongest so far, with receipts of $118 million": the
    # same nouns, said of a period of the subject before
    r"|\bwith\s+(?:inflows|receipts|earnings|proceeds)\s+of\b"
    # "Compared to February's $257 million, receipts were up 19 percent": the same nouns, after
    # the base they are compared with
    r"|^\W*compared\s+(?:to|with)\s+[^,.;]{1,40},\s*(?:the\s+)?(?:inflows|receipts|proceeds)\b"
    # "the ministry gave year-wise figures: $2.62 billion in 2021-22, ...": a list of the
    # figures of the subject before
    r"|\b(?:figures|numbers)\s*:"
    # "the country earned 1.426 billion dollars by providing these services": the services the
    # sentence before named
    rf"|\b(?:by|through|from)\s+(?:{_PROVIDING}|the\s+export\s+of)\s+(?:these|those|such|the\s+same)\s+services\b"
    # "September alone brought in $366 million": a month of the subject before
    rf"|^\W*{MONTH_ALONE}"
    # "The third quarter of the fiscal year brought in $1.11 billion", "March earned ...": a period of it
    # (or said of it: "March was up 23pc over ...", "July 2024 — the first month of FY25 — came in at $286mn")
    # ("Split by quarter, the second quarter of the fiscal year, October to December, contributed $1.06 billion")
    # ("Put together, the first half of the fiscal year brought in $1.31 billion")
    rf"|^\W*(?:(?:(?:split|broken\s+down|taken)\s+by\s+(?:quarter|month|half)s?|for\s+reference|by\s+comparison|in\s+comparison|meanwhile|(?:put|taken)\s+together|all\s+told|in\s+all|altogether|overall|cumulatively),\s*)?(?:the\s+)?(?:(?:first|second|third|fourth|last|final)\s+(?:quarter|half)(?:\s+of\s+(?:the\s+(?:fiscal|financial)\s+year|FY\s?['’]?\d\d(?:\d\d)?(?:-\d\d)?))?|{_MONTH_NAMES}(?:['’]\d{{2}}|\s+\d{{4}})?)(?:\s+[-–—]\s+[^-–—.]{{1,50}}?\s+[-–—]|,\s+[^,.;]{{1,40}}?,)?"
    r"\s+(?:alone\s+)?(?:had\s+|has\s+)?(?:now\s+|already\s+)?(?:brought\s+in|earned|fetched|generated|yielded|contributed|added|came\s+in|come\s+in|closed\s+at|stood\s+at|totall?ed|amounted\s+to|was\s+(?:up|down)|rose|grew|fell|dropped|declined|climbed|jumped|slipped)\b"
    # "December was $234 million", "March was a record $342m": a period of it, said to be an amount
    rf"|^\W*(?:the\s+)?(?:(?:first|second|third|fourth|last|final)\s+(?:quarter|half)|{_MONTH_NAMES}(?:['’]\d{{2}}|\s+\d{{4}})?)\s+(?:alone\s+)?was\s+"
    r"(?:(?:about|around|roughly|nearly|almost|over|some|just\s+(?:over|under)|a\s+record(?:\s+high)?(?:\s+of)?|at)\s+)?(?:US\s?\$|\$|USD\s?|Rs\.?\s?)?\d"
    # "8MFY25 total now $2.45bn", "H1FY26 (Jul-Dec) total: $2.14bn": a span's total of it, as a
    # post or a note writes it
    r"|^\W*(?:\d{1,2}\s?M\s?FY\s?\d{2}|[12]H\s?FY\s?\d{2}|H[12]\s?FY\s?\d{2}|Q[1-4]\s?FY\s?\d{2}|FY\s?\d{2}(?:\d{2})?)\s+(?:\([^()]{1,20}\)\s+)?(?:total|tally)\b"
    # "Over the first nine months of FY25, receipts added up to ...": its receipts over a span
    r"|^\W*(?:over|in|during|for)\s+the\s+[^,]{1,50},\s+(?:inflows|receipts|earnings|proceeds)\b"
    # "The central bank also revised its figure for October upward to $336 million": the
    # figure of the subject before, revised
    # (or a month's: "The central bank revised June's figure to $338 million")
    rf"|\brevis(?:ed|es|ing)\s+(?:its|their|the|(?:{_MONTH_NAMES})['’]s)\s+(?:\w+\s+){{0,2}}?(?:figure|estimate|number|data)s?\b"
    r"|^\W*(?:یہ|اس|ان|یوں|یعنی)(?=\s)"  # Urdu "this", "these", "thus", "that is" opening the sentence
    # "صرف نومبر کے مہینے میں 19 ہزار 600 نئی رجسٹریشنز": "in November alone", as in English
    rf"|(?<![^\W\d_])صرف\s+{_MONTH_NAMES}(?:\s+\d{{4}})?(?:\s+کے\s+مہینے)?\s+میں(?![^\W\d_])"
    r"|(?<![^\W\d_])یہ\s+(?=\d)"  # "یہ 65 کروڑ ڈالر تھیں": these were
    r"|(?<![^\W\d_])یہ\s+(?=(?:بڑھ|گھٹ|گر|کم\s+ہو)\s+کر\s)"  # "یہ بڑھ کر ایک ارب 62 کروڑ ڈالر ہو گئیں": these rose to
    r"|(?<![^\W\d_])(?:ان|اِن|اس)\s+میں\s+(?=\d)"  # "... کے مقابلے میں ان میں 3.9 فیصد اضافہ ہوا": a rise in them
    r"|(?<![^\W\d_])(?:یہ|ان)\s+(?:حجم|رقم|برآمدات)(?![^\W\d_])"  # "... میں یہ حجم ... تھا": this volume
    # "... میں ان کا مجموعی حجم ایک ارب 20 کروڑ ڈالر رہا" (their total volume), "ان کی مالیت"
    r"|(?<![^\W\d_])(?:ان|اِن|اُن)\s+(?:کا|کی|کے)\s+(?:(?:مجموعی|کل|کُل)\s+)?(?:حجم|مالیت)(?![^\W\d_])"
    # "ستمبر کے مقابلے میں یہ اضافہ 13 فیصد رہا" (compared with September, this rise was 13pc)
    r"|(?<![^\W\d_])(?:یہ|اس)\s+(?:اضافہ|اضافے|کمی)(?![^\W\d_])"
    # "ملک نے ان خدمات کی فراہمی سے ... کمائے" (earned from providing these services), "... میں یہ
    # آمدن ... تھی" (this income was): the services or the income the sentence before named
    r"|(?<![^\W\d_])(?:یہ|ان|اِن)\s+(?:خدمات|سروسز|آمدن|آمدنی)(?![^\W\d_])"
    r"|(?<![^\W\d_])(?:یہ\s+شعبہ|اس\s+شعبے)(?![^\W\d_])"  # "گزشتہ مالی سال یہ شعبہ 3 ارب ڈالر کما چکا ہے": "the sector"
    r"|(?<![^\W\d_])(?:سالانہ|ماہانہ)\s+بنیاد"  # "on an annual basis": of a series already named
    # "مالی سال کے دس مہینوں کی کمائی ..." (the fiscal year's ten months' earnings): a period's
    # earnings of the series before, as "December receipts of $229 million"
    # (never an owner's: "موبائل فون کمپنیوں کی آمدنی", the phone companies' revenue)
    r"|^\W*(?:(?:رواں|گزشتہ|اس|پچھلے)\s+)?(?:مالی\s+سال\s+(?:کے|کی)\s+)?(?:\S+\s+)?(?:ماہ|مہینوں|مہینے|سہ\s?ماہی|ششماہی|عرصے)\s+(?:کی|کا)\s+(?:کمائی|آمدن|آمدنی)(?![^\W\d_])",
    re.IGNORECASE,
)
_MAY_HOLD_FIGURES = re.compile(
    r"\d|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|top|number|percent|per\s+cent|dollars?|billion|million|thousand|lakh|crore)\b"
    r"|نمبر|فیصد|ارب|کروڑ|لاکھ|ہزار|ڈالر|پوزیشن|سرفہرست|پہل[یاے]|دوسر[یاے]|تیسر[یاے]|چوتھ[یاے]|پانچویں|چھٹ[یے]|ساتویں|ساتواں|آٹھویں|نویں|دسویں",
    re.IGNORECASE,
)
MIN_OTHER_COUNT = 1000  # smaller counts (courses, batches, seminars) are not worth keeping


#: Words without which a kind of subject cannot be named (a cheap test before the pattern).
_SUBJECT_CLUES: dict[str | None, tuple[str, ...]] = {
    "it_component": ("export", "برآمد", "ایکسپورٹ", "services"),
    "it_exports": ("export", "remittance", "برآمد", "ایکسپورٹ", "ایکپسورٹ", "services", "کی مد میں", "سروسز", "خدمات", "sector earned", "industry earned", "whole earned", "brought in", "fetched", "generated"),
    "exports": ("export", "برآمد", "ایکسپورٹ", "remittance"),
    "freelancers": ("freelanc", "gig", "online worker", "workforce", "platforms", "marketplaces", "فری", "پلیٹ"),
    "vpn": ("vpn", "virtual private", "وی", "ورچوئل"),
}


_URDU_UNTRACKED_CLUES = ("ترسیلات", "درآمدات", "خسارہ", "ذخائر", "برآمدات", "سروسز", "خدمات")


def find_subjects(sentence: str) -> list[Subject]:
    """Watched and unwatched subjects in ``sentence``; of two that overlap, the one that takes
    in the other wins ("freelancers' export remittances" are the freelancers', not "export
    remittances"), else the first listed."""
    found: list[Subject] = []
    lowered = sentence.lower()
    for kind, pattern in _SUBJECTS:
        clues = _URDU_UNTRACKED_CLUES if pattern is _URDU_UNTRACKED else _SUBJECT_CLUES.get(kind)
        if clues and not any(clue in lowered for clue in clues):
            continue
        for m in pattern.finditer(sentence):
            overlapping = [s for s in found if s.start < m.end() and m.start() < s.end]
            if any(not (m.start() <= s.start and s.end <= m.end() and m.end() - m.start() > s.end - s.start) for s in overlapping):
                continue
            found = [s for s in found if s not in overlapping]
            found.append(Subject(kind, m.start(), m.end()))
    return [_cumulative_it(s, sentence, found) for s in sorted(found, key=lambda s: s.start)]


def _cumulative_it(subject: Subject, sentence: str, found: list[Subject]) -> Subject:
    """"مجموعی برآمدات" is the country's total exports, but after a span of months, in a
    sentence that has named IT exports, it is their running total: "دسمبر میں آئی ٹی برآمدات
    ... رہیں، جبکہ جولائی تا دسمبر کی مجموعی برآمدات ..." (never "ملک کی مجموعی برآمدات")."""
    if subject.kind is None and "برآمدات" in sentence[subject.start : subject.end] and _THESE_BEFORE_TOTAL.search(sentence, max(0, subject.start - 30), subject.start):
        # "ان خدمات کی مجموعی برآمدات" (these services' total exports): of the subject before,
        # as "exports" alone are
        return Subject("exports", subject.start, subject.end)
    if subject.kind is not None or not sentence.startswith("مجموعی", subject.start) or "برآمدات" not in sentence[subject.start : subject.end]:
        return subject
    if not _SPAN_BEFORE_TOTAL.search(sentence, max(0, subject.start - 40), subject.start):
        return subject
    if not any(s.kind == "it_exports" and s.end <= subject.start for s in found):
        return subject
    return Subject("it_exports", subject.start, subject.end)


#: Of what was named before, right before "مجموعی برآمدات": "ان خدمات کی", "اس شعبے کی".
_THESE_BEFORE_TOTAL = re.compile(r"(?<![^\W\d_])(?:ان|اِن|اُن|انہی|اس|اسی)\s+(?:(?:\S+\s+)?(?:کی|کے)\s+)?$")
#: A span of months right before "مجموعی برآمدات": "جولائی تا ستمبر کی", "پہلی ششماہی میں".
_SPAN_BEFORE_TOTAL = re.compile(r"(?:(?:تا|سے)\s+\S+(?:\s+تک)?(?:\s+(?:کی|کے))?|(?:ششماہی|سہ\s?ماہی|ماہ|مہینوں|مہینے)\s+(?:میں|کی|کے\s+دوران))\s+$")


#: A relative clause after a figure speaks of something else: "$164m, which was 12.6pc of ICT
#: exports" does not make the $164m ICT exports.
_RELATIVE_CLAUSE = re.compile(r",?\s+(?:which|that|who)\b|\bof\s+(?:the\s+)?total\b", re.IGNORECASE)


def _subject_for(figure: Figure, subjects: list[Subject], clause: tuple[int, int], sentence: str = "") -> Subject | None:
    """The figure's subject: the nearest before it in its clause, else the first shortly after
    it in its clause, else the nearest before it in the sentence, else, when its clause speaks
    of "this increase" ("یہ اضافہ"), the first watched subject named after it."""
    right_after = next((s for s in subjects if s.start >= figure.end and _NOTHING_BETWEEN.fullmatch(sentence, figure.end, s.start)), None)
    if right_after is not None and right_after.kind:
        # "accounting for 14.8 percent of the $2.25 billion IT exports": the amount names its
        # subject, as "the $3.14 billion (that) the IT sector as a whole exported" does
        return right_after
    if figure.unit == "percent" and (grown := _GROWTH_IN_AFTER.match(sentence, figure.end)):
        # "outpacing the 24 percent growth in the country's overall IT exports": the rate names its subject
        named = next((s for s in subjects if s.start >= grown.end() and s.start - grown.end() <= 12 and s.kind), None)
        if named is not None:
            return named
    # (a subject inside a relative clause set off by commas, before the figure, describes another
    # noun: "Computer services, which include most of freelancers' earnings, brought in $2.55bn")
    aside = [m.span() for m in _ASIDE.finditer(sentence, 0, figure.start)]
    # (nor does the whole a share is of: "stood at $1.74 billion, accounting for about 81 percent
    # of the total IT exports, compared with $1.47 billion a year earlier" compares computer
    # services' figures)
    # (the whole's own figure, right after it, is the whole's: "12.59 percent of the total ICT
    # export remittances of $1,301.880 million")
    aside += [(s.start, s.end) for s in subjects if s.end <= figure.start and _SHARE_OF_BEFORE.search(sentence, max(0, s.start - 40), s.start) and "," in sentence[s.end : figure.start]]
    before = [s for s in subjects if s.end <= figure.start and not any(a <= s.start and s.end <= b for a, b in aside)]
    # (those who did it, named after "by", are not what a later figure counts: "25,318 VPNs had
    # been registered by companies, call centres and freelancers ..., nearly double the 13,100
    # registered at the end of October")
    before = [s for i, s in enumerate(before) if not (i and _BY_AGENTS.search(sentence, max(0, s.start - 60), s.start))]
    after = [s for s in subjects if s.start >= figure.end and s.start - figure.end <= 80 and s.end <= clause[1] and not _RELATIVE_CLAUSE.search(sentence, figure.end, s.start)]
    if before and before[-1].start >= clause[0]:
        return before[-1]
    if after:
        return after[0]
    if before:
        return before[-1]
    # "یہ اضافہ سالانہ بنیادوں پر 17 فیصد رہا جبکہ ستمبر میں آئی ٹی برآمدات ...": a clause that
    # names nothing but refers back ("this increase"), in a sentence whose only subjects come
    # later, is about the first of them
    later = [s for s in subjects if s.start >= clause[1]]
    # (a clause that says "also" (بھی) goes on from the one before it: "یہ اضافہ سالانہ 17 فیصد
    # جبکہ ماہانہ بنیادوں پر بھی 5 فیصد رہا" speaks of the same increase twice)
    points_from = 0 if ALSO.search(sentence, clause[0], figure.start) else clause[0]
    if later and later[0].kind and _POINTS_BACK.search(sentence, points_from, figure.start):
        return later[0]
    return None


#: Who did it, a list named after "by" that ends in the subject: "registered by companies, call centres and ".
_BY_AGENTS = re.compile(r"\bby\s+(?:[\w-]+\s+){0,2}?[\w-]+\s*,\s*(?:[\w-]+\s*,\s*|[\w-]+\s+){0,5}?(?:and|&)\s+$", re.IGNORECASE)
#: Nothing between a figure and the subject right after it but "that", "which" or "the", or
#: Urdu's bound ("21 ہزار سے زائد وی پی این": more than 21,000 VPNs).
_NOTHING_BETWEEN = re.compile(r"\s*(?:(?:that|which)\s+)?(?:the\s+)?(?:سے\s+(?:زائد|زیادہ|اوپر)\s+)?", re.IGNORECASE)
#: A rate's own noun and the subject it is of, right after it: "24 percent growth in the country's overall IT exports".
_GROWTH_IN_AFTER = re.compile(
    r"\s*(?:growth|increase|rise|jump|decline|fall|drop|contraction)\s+in\s+(?:the\s+)?(?:country['’]s\s+|Pakistan['’]s\s+|national\s+)?(?:overall\s+|total\s+)?",
    re.IGNORECASE,
)
_SHARE_OF_BEFORE = re.compile(r"\d\s?(?:%|pc|pct|per\s?cent|percent)\s+of\s+(?:the\s+|its\s+)?(?:total\s+|overall\s+)?$", re.IGNORECASE)
_ASIDE = re.compile(
    r",\s+(?:which|who)\s+[^,;$\d]*,"
    # (in Urdu: "کمپیوٹر سروسز، جو آئی ٹی برآمدات کا سب سے بڑا حصہ ہیں، ...")
    r"|[،,]\s*جو\s+[^،,;$\d]*[،,]"
    # "Computer services exports, the major component of ICT exports, rose to ...": an apposition
    r"|,\s+(?:the|a|its)\s+(?:\w+\s+)?(?:component|part|segment|share|portion|chunk|bulk)\s+of\s+[^,;$\d]*,"
    # or its share in brackets: "Computer services exports (~79% of IT exports) came in at ..."
    r"|\([^()$]{0,12}\d[^()$]{0,8}%\s+of\s+[^()]{1,40}\)",
    re.IGNORECASE,
)
#: "Also": a clause that goes on from the one before it, about the same thing.
ALSO = re.compile(r"\balso\b|(?<![^\W\d_])بھی(?![^\W\d_])", re.IGNORECASE)


_POINTS_BACK = re.compile(
    r"(?<![^\W\d_])(?:یہ|اس)\s+(?:اضافہ|اضافے|کمی|شرح)(?![^\W\d_])|\b(?:this|the)\s+(?:increase|growth|rise|decline|drop|fall)\b",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- classification


_RESPECTIVELY = re.compile(r"\brespectively\b|بالترتیب", re.IGNORECASE)
_LIST_BREAK = re.compile(r"[;:]|\.\s")
_JOINED_BEFORE = re.compile(r"(?:\band|&|اور)\s+$")
_JOINED_AFTER = re.compile(r"\s+(?:and|&|اور)\s")


def respective_figures(sentence: str, figures: list[Figure]) -> list[tuple[int, int, list[Figure]]]:
    """For each "respectively", where its list starts and ends and the figures it gives (of the
    unit most of them have)."""
    out = []
    for m in _RESPECTIVELY.finditer(sentence):
        start = max((b.end() for b in _LIST_BREAK.finditer(sentence, 0, m.start())), default=0)
        end = m.start()
        if m.group() == "بالترتیب":  # Urdu gives the word before its figures: "بالترتیب 33 اور 35 کروڑ"
            stop = re.compile(r"[;:۔،]|\.\s").search(sentence, m.end())
            end = stop.start() if stop else len(sentence)
        listed = [f for f in figures if start <= f.start < end and f.unit != "rank"]
        if len(listed) < 2:
            continue
        unit = max({f.unit for f in listed}, key=lambda u: sum(f.unit == u for f in listed))
        out.append((start, max(end, m.end()), [f for f in listed if f.unit == unit]))
    return out


def respective(sentence: str, figures: list[Figure], subjects: list[Subject]) -> dict[int, Subject | None]:
    """Figures given "respectively" for a list of subjects: "IT exports and remittances were
    $348m and $3.1bn respectively" pairs them in order. ``{figure start: subject}``; ``None``
    when the list names fewer subjects the monitor knows than there are figures ("freelancers
    and IT companies earned $120m and $228m respectively"): which is whose cannot be told."""
    paired: dict[int, Subject | None] = {}
    if "respectively" not in sentence.lower() and "بالترتیب" not in sentence:
        return paired
    for start, _, listed in respective_figures(sentence, figures):
        named = [x for x in subjects if start <= x.start and x.end <= listed[0].start]
        if len(named) == 1 and not (_JOINED_BEFORE.search(sentence, 0, named[0].start) or _JOINED_AFTER.match(sentence, named[0].end)):
            continue  # one subject, its figures listed for several periods or kinds
        for i, f in enumerate(listed):
            paired[f.start] = named[i] if len(named) == len(listed) else None
    return paired
