"""The words of an analyst's reading of a claim: objects, refined directions, levels, periods, modality.

Data, kept apart from the logic in reading.py. Patterns are regular expressions matched
case-insensitively on a cleaned headline, whole words only; within each table the first match wins,
so the most specific entries come first.
"""

from __future__ import annotations

# Business units: a claim about one is answered by sentences naming it, not by company totals.
UNIT_NAMES = ("AWS", "Azure", "Google Cloud", "OCI", "Data Center", "Chips")
# "NVIDIA's data center revenue", "AMD's data center segment": a business, not data-center projects.
DATA_CENTER_BUSINESS = (r"data[- ]?cent(?:er|re) (?:ai )?(?:segment|business|division|unit|group|revenues?|sales|"
                        r"operating|compute|networking)")

# Companies the claims name that are not in universe.csv: the AI hosts whose calls the project carries
# and the supply chain whose transcripts it carries. (ticker, name, aliases). They have documents
# (and, once loaded, statements), no SEC facts in the store.
EXTRA_SUBJECTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("IREN", "IREN", ("IREN", "Iris Energy")),
    ("CIFR", "Cipher Mining", ("Cipher Mining", "Cipher", "CIFR")),
    ("WULF", "TeraWulf", ("TeraWulf", "Terawulf", "WULF")),
    ("AMAT", "Applied Materials", ("Applied Materials",)),
    ("ANET", "Arista Networks", ("Arista Networks", "Arista")),
    ("AVGO", "Broadcom", ("Broadcom",)),
    ("CEG", "Constellation Energy", ("Constellation Energy", "Constellation")),
    ("CSCO", "Cisco", ("Cisco",)),
    ("DELL", "Dell", ("Dell Technologies", "Dell", "Round Rock", "Michael Dell")),
    ("DLR", "Digital Realty", ("Digital Realty",)),
    ("EQIX", "Equinix", ("Equinix",)),
    ("ETN", "Eaton", ("Eaton",)),
    ("GEV", "GE Vernova", ("GE Vernova", "Vernova")),
    ("HPE", "Hewlett Packard Enterprise", ("Hewlett Packard Enterprise", "HPE")),
    ("INTC", "Intel", ("Intel",)),
    ("KLAC", "KLA", ("KLA Corp", "KLA", "process-control house", "process-control leader", "process-control giant")),
    ("LRCX", "Lam Research", ("Lam Research", "Lam", "Fremont", "etch leader", "etch giant")),
    ("NEE", "NextEra Energy", ("NextEra Energy", "NextEra")),
    ("QCOM", "Qualcomm", ("Qualcomm",)),
    ("SMCI", "Supermicro", ("Super Micro Computer", "Supermicro", "Super Micro")),
    ("STX", "Seagate", ("Seagate",)),
    ("VST", "Vistra", ("Vistra",)),
    ("WDC", "Western Digital", ("Western Digital",)),
    ("VRT", "Vertiv", ("Vertiv",)),
)

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")

# Data-center landlords: their "bookings" are the leases they signed in the quarter, not a backlog.
LANDLORDS = ("DLR", "EQIX")

# Makers of turbines, transformers and switchgear, and generators: their order books and slots are grid events.
POWER_SUPPLIERS = ("GEV", "CEG", "VST", "NEE", "ETN", "VRT")

# Grid operators, utilities, regulators and places: subjects of power claims, read from power events.
POWER_ACTORS: tuple[tuple[str, str], ...] = (
    ("ERCOT", r"ercot|texas grid"), ("PJM", r"pjm"), ("Dominion", r"dominion(?: energy)?"),
    ("APS", r"arizona public service|\baps\b|pinnacle west"), ("FERC", r"ferc"), ("Ireland", r"ireland|irish|eirgrid"),
    ("Netherlands", r"netherlands|dutch"), ("Singapore", r"singapore"), ("US grid", r"us grid|u\.s\. grid"),
)
# "Broadcom AI growth slows below 50%": a chip seller's AI sales, read only with the rate it names
_AI_GROWTH = r"\bai growth(?= (?:\w+ ){0,3}[<>~]?\d+(?:\.\d+)?\s?%)"

SEGMENTS: tuple[tuple[str, str], ...] = (
    ("AWS", r"aws|amazon web services"), ("Azure", r"azure"), ("Google Cloud", r"google cloud|gcp"),
    ("OCI", r"oci|oracle cloud"),
    # Samsung's Device Solutions division: its chip profit is not the group's
    ("Chips", r"chip (?:division|unit|business|arm|segment|operations)|semiconductor (?:division|unit|business|arm)|"
              r"device solutions|ds (?:division|unit)|chips? \(ds\)|chips drove"),
    ("Data Center", r"data[- ]?cent(?:er|re)s?"),  # read from a claim only as a business (DATA_CENTER_BUSINESS)
    ("HBM", r"hbm\d?e?|high[- ]bandwidth memory"),
    ("NAND", r"nand|flash(?!\s*(?:[:;]|reports?\b|estimates?\b|notes?\b|takes?\b))|ssds?"),
    ("DRAM", r"dram|ddr\d"),
    # read from a claim only as revenue from AI (AI_REVENUE)
    ("AI", r"(?:ai|artificial intelligence) (?:[\w-]+ ){0,2}(?:revenues?|sales|business(?:es)?|semis)|" + _AI_GROWTH),
)
# "AI semiconductor revenue", "AI chip sales": the AI part of a company's revenue, not all of it
AI_REVENUE = r"\bai (?:[\w-]+ ){0,2}(?:revenues?|sales|semis)\b|" + _AI_GROWTH

_CAPEX = (r"cap-?ex|capital expenditures?|capital spending|capital investments?|infrastructure spend(?:ing)?|"
          r"spending plans?|investment plans?|investments?|spend(?:ing)?")

# "sees supply easing", "GPU supply loosens": the shortage ending, said of supply itself
SUPPLY_EASING = r"(?:gpu |chip |memory |hbm |compute )?supply (?:\w+ ){0,2}(?:eas(?:e|es|ed|ing)|loosen\w*)\b"
# (object, pattern): what the claim is about. Checked in order.
OBJECTS: tuple[tuple[str, str], ...] = (
    # The industry's spending on chip-making tools as an equipment maker forecasts it ("Lam lifts its 2025 WFE
    # view"): not the maker's own capex, answered by what the maker says of the market.
    ("wfe", r"wfe|wafer[- ]fab(?:rication)? equipment|(?:chip|semiconductor|fab)[- ](?:making )?equipment "
            r"(?:spending|spend|market|demand|investment)"),
    ("compute_contracts",
     r"agree\w* to (?:deploy|spend|buy|rent|supply|purchase)|comput\w* (?:power )?(?:deals?|contracts?|agreements?)|"
     r"\b[a-z]+-[a-z]+ (?:deals?|contracts?)\b(?!\s+(?:rates?|prices?|pricing))|"
     r"(?:cloud|gpu|ai cloud|ai) (?:capacity )?(?:deals?|contracts?|agreements?)|"
     r"(?:ai |hpc )?hosting (?:deals?|contracts?|agreements?|leases?)|(?:gpu|compute) (?:capacity )?orders?|"
     r"capacity orders?|commit\w* (?:[\w~$.,-]+ ){0,5}to (?:aws|azure|google cloud|oci|oracle|coreweave|nebius|"
     r"microsoft|amazon|google|iren|nscale|lambda|crusoe)\b|"
     r"(?:openai|anthropic|meta|microsoft|google|xai|nvidia)(?:'s)? (?:contract |compute |capacity )?commitments?|"
     r"capacity (?:deals?|contracts?|agreements?)|(?:contract|deal) (?:runs?|lasts?|spans?)|"
     r"rent\w* (?:[\w']+ ){0,3}capacity|third-party capacity|capacity from|"
     # "signs its first external customer for its spare AI capacity": a sale of compute
     r"(?:customers?|buyers?|clients?|tenants?) for (?:its |their )?(?:[\w-]+ ){0,2}(?:capacity|compute|gpus?)|"
     r"(?:buy\w*|soak\w* up|absorb\w*) (?!enough\b)(?:\w+'s )?(?:\w+ )?capacity|"
     r"commit\w* (?:[\w$.,]+ ){0,8}(?:capacity|compute|services)|"
     r"(?:buy|buys|buying|bought|sell\w*|sold|purchas\w*|rent\w*)\s+(?:[\w$.,]+\s+){0,4}"
     r"(?:compute|computing (?:power|capacity)|gpu capacity|ai capacity|cloud capacity)|offtake|"
     # "to supply Anthropic with TPUs", not "supply has caught up with demand for its GPUs"
     r"supply (?!(?:\w+ )?(?:caught|catch\w*) up)(?:\w+ ){1,3}with (?:\w+ ){0,4}(?:tpus?|gpus?|chips|accelerators)|"
     r"(?:gw|gigawatts?|mw|megawatts?) of (?:\w+ )?(?:compute|computing capacity)|"  # "5 GW of AWS compute"
     r"spend\w* (?:[\w~$.,-]+ ){0,6}(?:on|for) (?:\w+ ){0,4}(?:compute|computing capacity|cloud capacity)\b"),
    ("demand_supply",
     r"demand (?:for (?:\w+ ){1,2})?(?:still |continues to |to )?(?:exceed\w*|outstrip\w*|outpac\w*|outrun\w*|"
     r"tops|topp\w*|ahead of|above|outstrips) (?:\w+ ){0,2}(?:supply|capacity)|more demand than|"
     r"demand[- ]supply (?:gap|imbalance)|"
     r"demand (?:\w+ ){0,3}no longer (?:exceed\w*|outstrip\w*|outpac\w*|tops)|"
     r"(?:capacity|supply) (?:now |finally )?(?:meets?|matches|match\w*|(?:has )?caught up with) (?:\w+ )?demand|"
     r"supply (?:has )?(?:catch\w*|caught) up(?: with demand)?|(?:supply|capacity) (?:exceed\w*|outstrip\w*) demand"),
    ("capacity",
     r"(?:capacity|supply|compute|power)[- ]constrain\w*|constrain\w*|capacity constraints?|" + SUPPLY_EASING + "|"
     r"short of (?:[\w-]+ ){0,2}(?:compute|capacity)|(?:compute|capacity) (?:shortage|crunch)|"
     r"(?:not|n't) (?:\w+ ){0,2}enough (?:\w+ )?(?:compute|capacity)|enough (?:\w+ )?(?:compute|capacity) to meet|"
     r"more (?:compute|capacity) than (?:it|they|we) (?:can|could|needs?)|limited by (?:\w+ )?demand|"
     r"demand (?:is )?(?:what )?limits?|demand is the (?:\w+ )?(?:limiting factor|constraint|bottleneck)|"
     r"(?:all )?the (?:compute|capacity|supply) (?:it|they|we) needs?"),
    ("leases", r"(?<!finance )(?<!finance-)(?<!operating )(?<!operating-)leases?|"
               r"leasing|lease (?:talks|negotiations|deals?)|sublease\w*"),
    ("power", r"turbines?|transformers?|interconnection|large[- ]load|capacity (?:prices?|auction)|hookups?|"
              r"by-right|grid connections?|power (?:shortages?|constraints?)"),
    ("memory_prices", r"(?:dram|nand|hbm|memory|flash|ddr\d) (?:contract )?(?:prices?|pricing|asps?)|"
                      r"(?:prices?|pricing) (?:of|for) (?:dram|nand|hbm|memory)"),
    ("arr", r"\barr\b|annual(?:ized)? recurring revenue|annuali[sz]ed (?:revenue )?run[- ]rate|run[- ]rate revenue|"
            r"annuali[sz]ed revenue"),
    ("backlog", r"backlog|remaining performance obligations?|\brpo\b|contracted revenue|order book|"
                r"bookings|contract pipeline|committed contracts"),
    ("profit", r"operating (?:profit|income|loss|margins?)|(?-i:\bOP\b)|profits?|earnings|earns|earned|"
               r"in the black|in the red|"
               r"profitab\w*|"
               r"unprofitable|loss-making|(?:an?|net|operating) loss(?:es)?"),
    # "AI semis growth", "Broadcom AI growth slows below 50%": a chip seller's AI sales
    ("revenue", r"revenues?|sales|top[- ]line|turnover|(?:ai )?semis(?= growth)|" + _AI_GROWTH),
    # "secures $10B of AI rack orders": orders booked in the period, as the maker states them (not its backlog)
    ("orders", r"(?:ai |rack |xpu |chip |gpu |server |system )?orders"),
    # "AI server shipments", "GPU shipment target": units shipped as the maker states them in its calls
    ("shipments", r"(?:(?:ai |gpu |accelerator |rack |system )?servers?|gpus?|accelerators?|racks?|systems?|ai) "
                  r"shipments?"),
)

# A claim that a company has crossed into profit or into loss: the sign of the latest quarter decides.
TO_PROFIT = (r"back in the black|returns? to (?:operating )?(?:profit|the black)|"
             r"(?:swings?|swung|swinging|turns?|turned|flips?|flipped)(?: back)? (?:in)?to "
             r"(?:an? )?(?:(?:big|large|huge|surprise|first|Q[1-4]|20\d\d|quarterly|annual) ){0,3}"
             r"(?:operating )?profit|"
             r"(?:turns?|turned) an? (?:operating )?profit")  # "turns an operating profit for 2025": makes one
TO_LOSS = (r"(?:falls?|fell|slips?|slipped|slides?|slid|swings?|swung|swinging|turns?|turned|sinks?|sank|flips?|"
           r"flipped|tips?|tipped)(?: back)? (?:in)?to (?:an? )?(?:operating )?loss|(?:into|in) the red|"
           r"(?:posts?|posted|reports?|reported|books?|booked|ran|runs?|running|had|has|recorded) (?:an? )?"
           r"(?:Q[1-4] 20\d\d |(?:first|second|third|fourth)[- ]quarter |quarterly )?(?:operating )?loss|"
           r"(?:loss-making|unprofitable)")
TO_PROFIT += (r"|(?:posts?|posted|reports?|reported|books?|booked|ran|had|recorded) (?:an? )?"
              r"(?:Q[1-4] (?:20\d\d )?|(?:first|second|third|fourth)[- ]quarter )?(?:operating )?profit|"
              r"(?:stay\w*|remain\w*|was|is|were) (?:still )?(?:operating[- ]|operationally )?profitable|"
              r"in the black")

# A claim about spending on part of the business (segment capex), e.g. "NAND capex", "capex for HBM".
SEGMENT_CAPEX = (r"(?:{seg})\s+(?:\w+\s+){0,2}(?:" + _CAPEX + r")|(?:" + _CAPEX + r")\s+(?:\w+\s+){0,3}(?:{seg})")

# "... citing China", "... on lease reclassification", "... as the build-out peaks": why it moved, not what moved
REASON_CLAUSE = (r",\s*(?:and\s+)?(?:blam(?:es|ed|ing)|attribut\w+\s+(?:\w+\s+){0,2}?to|"
                 r"pin(?:s|ned)?\s+(?:\w+\s+){0,2}?on)\b.*$|"
                 r"(?:,\s*|\s+)(?:citing|amid|due to|because of|despite|"
                 r"(?:was |is |were |are )?driven (?:\w+ )?by|"
                 r"(?:is|was) (?:mostly |mainly |largely |all )?about(?!\s*[~$\d])|"
                 r"as (?:[\w-]+ ){1,3}(?:move|moves|shift|shifts)\b|"
                 r"as (?:the |its |their )?(?:[\w-]+ ){0,2}(?:peaks?|cools?|slows?|fades?|matures?|eases?|wanes?|"
                 r"runs? hot|heats? up|booms?|surges?|rolls? over|pauses?|stalls?|weakens?|softens?)\b|"
                 r"as (?:[\w-]+ ){1,3}(?:gets?|got) \w+ed\b|"
                 r"on (?:the back of )?(?:[\w-]+ ){0,2}(?:reclassification|accounting|uncertainty|delays?|"
                 r"weakness|strength|demand|shortages?|constraints?|bottlenecks?|costs?|export controls?|"
                 r"tariffs?)\b).*$")

# "raises capex, mostly for HBM tools": where the money goes, not a claim about that segment's spending alone.
# Group 1 keeps the spending word (and "above plan" after it) when the clause is cut off.
USE_CLAUSE = (r"\b((?:cap-?ex|capital expenditures?|capital spending|spending)(?:\s+(?:[\w$.~'-]+\s+){0,2}?"
              r"(?:above|below|over|under|vs\.?|versus|from|to)\s+(?:[\w$.~'-]+\s+)?[\w$.~'-]+)?)(?:,\s*|\s+)"
              r"(?:mostly|mainly|largely|chiefly|primarily|much of it|most of it)\s+"
              r"(?:for|to|on|in|into|towards?|(?=(?:hbm|dram|nand|ai|gpus?|servers?|equipment|tools|data cent)))\b.*$")

# "its largest quarter yet", "an all-time high": a new high named without the word "record"
NEW_HIGH = r"(?:largest|biggest|highest) (?:\w+ )?(?:ever|yet|on record)|all-time high"

# "2026 capex will come in below 2025's": a year set against another, no figure named
# or a quarter against another: "March-quarter capex came in below its December-quarter level"
_AGAINST_A_YEAR = (r"(?:come|comes|came|coming|land\w*|end\w*) (?:in |up )?(?:{}) "
                   r"(?:20\d\d'?s?|last year'?s?|the prior year'?s?|(?:its |the )?(?:prior|previous|preceding|last) "
                   r"quarter'?s?|(?:its |the )?(?:q[1-4]|(?:first|second|third|fourth|march|june|september|december)"
                   r"[- ]quarter)(?:'s)?)")

# "holds off on a 2027 capex number", "declines to guide 2027 capex": an outlook said to be withheld (a "given"
# claim, negated)
WITHHOLDS = (r"hold\w* off on|declin\w* to (?:give|guide|provide|issue|offer|put)|refus\w* to (?:give|guide|provide)|"
             r"withh[oe]ld\w*|stops? short of")

# (direction, pattern): refined directions, before the coarse up/down/flat words of lexicon.py.
DIRECTIONS: tuple[tuple[str, str], ...] = (
    ("unconstrained",
     SUPPLY_EASING + "|"
     r"no longer (?:a |an )?(?:\w+[- ])?(?:constrained|constraint|bottleneck|short\w*)|"
     r"out of (?:the |a |its )?(?:supply|capacity|compute)[- ]constrained|"
     r"shorter lead[- ]times?|lead[- ]times? (?:\w+ ){0,3}(?:shorten\w*|improv\w*|fall\w*|fell|eas\w*|come down|"
     r"came down|normali[sz]\w*)|(?:reduc\w*|shorten\w*|getting|bring\w*) (?:\w+ ){0,2}lead[- ]times?|"
     r"no longer (?:\w+ )?(?:limited|held back|gated|capped) by|"

     r"(?:is|are) not a (?:\w+ )?constraint|(?:not|isn'?t|aren'?t|wasn'?t) (?:\w+[- ])?constrained|"
     r"(?:capacity|supply|compute|power)?\s?constraints? (?:have |has )?(?:eas\w*|lift\w*|end\w*|gone)|"
     r"(?:bottleneck|constraint|shortage)s? (?:to |will |would |should )?(?:clear|eas|lift|resolv|end)\w*|"
     r"(?:shortages?|crunch|tightness)\s+(?:\w+\s+){0,2}(?:eas\w*|end\w*|over|abat\w*)|"
     r"supply (?:has )?(?:catch\w*|caught) up|reopen\w*|(?:has|have) all the (?:compute|capacity|supply|power)|"
     r"(?:open|available|unsold|free) (?:\w+[- ]){0,2}slots|"
     r"(?:supply|capacity) (?:exceed\w*|outstrip\w*) demand|over-?suppl\w*|glut\w*|surplus|loosen\w*|unsold|"
     r"demand (?:\w+ ){0,3}no longer (?:exceed\w*|outstrip\w*|outpac\w*|tops)|"
     r"(?:capacity|supply) (?:now |finally )?(?:meets?|matches|match\w*|(?:has )?caught up with) (?:\w+ )?demand|"
     r"(?:has |have |will )?(?:finally )?(?:caught|catch(?:es|ing)?) up (?:with|to) (?:\w+ )?demand"),
    ("sold_out", r"sold[- ]out|sells? out|selling out|fully (?:booked|allocated|contracted|subscribed|used|consumed)|"
                 r"booked (?:solid|up)|"
                 r"booked (?:out |only )?(?:through|until|into)|(?:largely |fully |mostly |all )?spoken for|"
                 r"(?:order books?|books?|slots?|capacity|production) (?:is |are |was |were )?(?:\w+ )?full "
                 r"(?:through|until|into)|"
                 r"capacity (?:is |was )?(?:essentially |pretty |largely |fully |effectively )?full (?:about |some )?"
                 r"(?:\w+ )?(?:months?|quarters?|years?) out|"
                 r"all (?:of )?(?:its |their |our )?(?:\w+ )?capacity (?:is |was )?(?:contracted|leased|sold|booked)"),
    ("constrained",
     r"(?:capacity|supply|compute|power)[- ]constrained|constrained|constraints?|shortages?|short supply|supply crunch|"
     r"crunch|scarce|scarcity|tight(?:en(?:s|ed|ing)?|er|ness)?|can'?t keep up|more demand than|"
     r"demand (?:still |continues to |to )?(?:exceed\w*|outstrip\w*|outpac\w*|outrun\w*|tops|topp\w*)|bottleneck\w*|"
     r"not enough (?:capacity|compute|supply)|shortfalls?|block\w*|reject\w*|ends? by-right|"
     r"(?:limited|held back|gated|capped) by (?:\w+ )?(?:power|supply|capacity|chips|gpus|compute)|"
     r"(?:can'?t|cannot|could ?n'?t|unable to) (?:get|find|buy|source|secure) enough|"
     r"short of (?:[\w-]+ ){0,2}(?:compute|capacity|gpus?|supply|power|demand)|(?:supply )?deficits?|"
     r"longer lead[- ]times?|lead[- ]times? (?:\w+ ){0,6}(?:stretch\w*|lengthen\w*|extend\w*|balloon\w*|"
     r"(?:grow|grew|rise|rising|rose) (?:to|as long as)|as long as)|"
     r"demand (?:for (?:\w+ ){1,3})?(?:still |continues to |to )?"
     r"(?:exceed\w*|outstrip\w*|outpac\w*|outrun\w*|tops|topp\w*)|"
     r"(?:won'?t|will not|doesn'?t|does not|don'?t|do not|can'?t|cannot|didn'?t|did not) (?:\w+ ){0,2}enough "
     r"(?:\w+ )?(?:capacity|compute|supply|power)"),
    ("slower_growth",
     r"slow\w* (?:the )?(?:pace of |rate of )?(?:its |their )?(?:\w+ )?growth|growth\s+(?:\w+\s+){0,3}"
     r"(?:slow\w*|decelerat\w*|moderat\w*|cool\w*|eas\w*|stall\w*)|decelerat\w*|(?:slower|lower|smaller|"
     r"more modest|modest|less) (?:\w+ )?(?:growth|increase|rise)|grow\w* (?:more )?(?:slowly|slower|less)|"
     r"moderat\w*|growth (?:rate )?(?:below|under|lower than|slower than|short of) (?:[\w']+ ){0,2}(?:rate|pace)\b"),
    ("faster_growth",
     r"accelerat\w*|(?:faster|higher|bigger|larger) (?:\w+ )?(?:growth|increase)|grow\w* faster|"
     r"growth (?:rate )?(?:above|over|higher than|faster than|ahead of) (?:[\w']+ ){0,2}(?:rate|pace)\b"),
    ("cancel", r"cancel\w*|scrap\w*|abandon\w*|walk\w* away|terminat\w*|axe[sd]?|ditch\w*|kill(?:s|ed)?|"
               r"scuttl\w*|veto(?:es|ed)?"),
    ("pause", r"paus\w*|on hold|pull(?:s|ed|ing)? back|scal(?:e|es|ed|ing) back|"
              r"halt\w*|bars?|barred|bans?|banned|freez\w*|froze\w*|delay\w*|postpon\w*|"
              r"put\w* off|slip\w*|behind schedule|running behind|runs? late|running late"),
    ("ahead", r"ahead of schedule|on schedule|on track|early"),
    ("given", rf"{WITHHOLDS}|"
              r"gives? (?:its |a |an )?(?:first )?(?:\w+ ){0,3}(?:forecast|outlook|guidance|guide|figure)|"
              r"puts? a (?:number|figure) on|issues? (?:an? |its |first )?(?:[\w-]+ ){0,3}(?:guidance|outlook)|"
              r"provides? (?:\w+ )?(?:\w+ )?(?:guidance|outlook|forecast)"),
    ("delivered", r"deliver(?:s|ed)|hand(?:s|ed)? (?:[\w-]+ ){0,3}over|energi[sz]e[sd]|complete[sd]|goes live|"
                  r"went live|rent (?:has )?(?:start(?:s|ed)|begins|began|commenc\w*)|"
                  r"comes? online|came online|(?:is|are|now) (?:fully )?(?:live|operational|energi[sz]ed)"),
    ("up", TO_PROFIT + r"|gives? (?:its )?first|" + _AGAINST_A_YEAR.format("above|over|higher than|ahead of")),
    ("down", TO_LOSS + "|" + _AGAINST_A_YEAR.format("below|under|lower than|short of")),
)

# Said in a headline, these mean slack; said in a call they are as often hypothetical ("so that we have
# enough capacity to serve the demand that's there"), so only claims are read with them.
CLAIM_DIRECTIONS: tuple[tuple[str, str], ...] = (
    ("unconstrained",
     r"limited by (?:customer |end[- ]|weak |soft )?demand|(?:customer |weak |soft )?demand (?:is )?(?:what )?limits?|"
     r"demand is the (?:main |only |real |binding )?(?:limiting factor|constraint|bottleneck)|"
     r"(?:will |to )?(?:have|has|had) enough (?:\w+ )?(?:capacity|compute|supply|power|gpus|chips)|"
     r"more (?:compute|capacity|gpus|chips) than (?:it|they|we) (?:can|could|needs?) (?:use|absorb)|"
     r"(?:supply and demand|demand and supply) (?:are |is )?(?:now |back |roughly |more )*(?:in|into) balance|"
     r"(?:has |have |with )?spare (?:\w+ )?capacity"),
)

# Directions of the reading that are about tightness rather than a level going up or down.
TIGHTNESS = ("sold_out", "constrained", "unconstrained")

# Level claims: the comparator word right before a figure ("tops $500B", "below $100B").
ABOVE = r"tops?|topp\w*|above|over|exceed\w*|surpass\w*|cross\w*|pass\w*|more than|at least|hits?|" \
        r"(?:reach\w*|runs?|goes|extends?) (?:past|beyond|above)|past|reach\w*|" \
        r"(?:breaks?|broke|breaking) (?:through|past|above)|breaks?|beyond|north of|greater than|tops out above|" \
        r"beats?|beating|overshoot\w*|overshot|outstrip\w*|>|≥"
BELOW = r"below|under|less than|short of|beneath|south of|fewer than|undershoot\w*|undershot|shy of|<|≤"

# A growth rate: "growth slows to about 30%", "grows at more than 40%", "growth slips below 40%"
GROWTH_RATE = (rf"\b(?:growth|grow\w*|grew|accelerat\w*|decelerat\w*)\b[^.%$]{{0,30}}?"
               rf"(?P<cmp>{ABOVE}|{BELOW}|to|at|of)\s+(?:about |around |roughly |nearly |~)?(?P<pct>\d+(?:\.\d+)?)\s?%")
_NUMBER = r"(\d+(?:[.,]\d+)?|(?:half a|a half|a quarter|one|two|three|a)\b)"
PER_UNIT = r"(?:US)?\$\s?(\d+(?:\.\d+)?)\s*(?:per|an|a|/)\s*(mw-day|megawatt-day|hour|hr|gpu-hour)\b"
LEVEL = (rf"(?:(?P<cmp>{ABOVE}|{BELOW}|to|of|at|hit|reach(?:es)?)\s+(?:(?:its|the|their|our) )?)?"
         rf"(?:(?:US)?\$\s?|USD\s?|KRW\s?|₩\s?)?{_NUMBER}\s*"
         r"(?P<scale>trillion|tn|t|billion|bn|b|million|mn|m|gw|gigawatts?|mw|megawatts?)\b"
         r"(?P<won>\s+(?:korean )?won\b)?")
# A named range: "$115-135bn", "$175bn to $185bn", "$180 billion–$190 billion"
RANGE = (r"(?:US)?\$\s?(\d+(?:\.\d+)?)\s*(?:trillion|billion|bn|b)?\s*(?:-|–|—|to)\s*(?:US)?\$?\s?(\d+(?:\.\d+)?)\s*"
         r"(?P<scale>trillion|tn|billion|bn|b)\b")
SCALES = {"trillion": 1e12, "tn": 1e12, "t": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6,
          "mn": 1e6, "m": 1e6, "gw": 1000.0, "gigawatt": 1000.0, "gigawatts": 1000.0, "mw": 1.0,
          "megawatt": 1.0, "megawatts": 1.0}
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
WORD_NUMBERS = {"half a": 0.5, "a half": 0.5, "a quarter": 0.25, "one": 1.0, "two": 2.0, "three": 3.0, "a": 1.0}

# Modality: how the claim is put. A plan (the company will), an expectation (a forecast, an outlook),
# else a reported fact.
PLAN = r"will|plans? to|plans?(?= (?:about |roughly |around |some |~)?\$)|planning|targets?|targeting|targeted|" \
       r"pencil(?:s|l?ed)? in|" \
       r"to (?:boost|raise|cut|slow|spend|invest|build|pause|double|lift|increase|" \
       r"reduce|keep|add|buy|sell|lease|rent|deploy|expand)|intends? to|aims? to|commits? to|set to|going to|" \
       r"guides?|guided|weigh(?:s|ing)|mull(?:s|ing)|consider(?:s|ing)|explor(?:es|ing)|moves? to|looks? to|seeks? to"
EXPECTATION = r"expects?|expected|expectations?|forecasts?|outlook|sees|projected|projecting|anticipat\w*|" \
              r"guidance|estimates?|predicts?|on track|visibility|flags?|flagged|signals?|signall?ed|" \
              r"(?:growth|revenue|sales|market|capex|wfe|spending|demand) views?"

# Periods named in words, resolved against the as-of date.
RELATIVE_YEARS = ((r"next year|the coming year|following year", 1), (r"this year|the current year|the year", 0),
                  (r"last year|the past year|the prior year", -1))
FISCAL_YEAR = r"\bfy\s?'?(\d{2}|\d{4})\b|\bfiscal (?:year )?(\d{4}|'\d{2})\b"
QUARTER = (r"\bq([1-4])\b|\b(first|second|third|fourth|march|june|september|december)"
           r"(?:[- ]quarter\b|\s+20\d\d[- ]quarter\b)")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "march": 1, "june": 2, "september": 3, "december": 4}
# "fiscal Q1 2027", "the fiscal second quarter of 2026": a quarter of the company's fiscal year.
FISCAL_QUARTER = (r"\bfiscal (?:q([1-4])|(first|second|third|fourth)[- ]quarter)(?: of)?(?: fiscal)?(?: year)? "
                  r"(?:fy)?'?(\d{4}|\d{2})\b")
# A sentence speaking of a quarter: a claim about one is not answered by a sentence about a year.
QUARTER_WORDS = (r"\b(?:q[1-4]|(?:first|second|third|fourth|march|june|september|december)[- ]quarter|"
                 r"(?:this|next|the|current|coming|that|same|each|every|prior|previous|last|december|june) quarter|"
                 r"sequential\w*|quarterly|quarter[- ](?:over|on)[- ]quarter)\b")

# What would decide a claim about each object, said when nothing public by the as-of date does.
DECIDERS: dict[str, str] = {
    "capex": "a capex figure or guidance for the period, or the company's own words on its spending",
    "segment_capex": "the company's own words on spending for that segment (a filing, a call or a release)",
    "ai_spend": "capex figures or guidance, or the company's own words on its AI spending",
    "guidance": "a capex outlook published after an earlier one for the same year, on the same basis",
    "projects": "the company's own words or filings on those data-center projects",
    "leases": "a filing or a company statement on data-center leases (signed, paused or cancelled)",
    "finance_leases": "the finance leases the company states on the results call for that quarter",
    "capacity": "the company's own words on whether it is capacity constrained (an earnings call or filing)",
    "demand_supply": "the company's own words on demand against its supply or capacity",
    "compute_contracts": "a dated compute contract between the buyer and the seller (the compute-contracts ledger)",
    "memory_supply": "a memory maker's dated statement on its HBM or memory supply (sold out, allocation)",
    "memory_prices": "memory makers' reported prices or their own words on pricing",
    "hbm_share": "a research firm's HBM market shares for the quarter (the memory makers' file)",
    "gpu_prices": "GPU rental price series for the period",
    "wfe": "the equipment maker's own view of wafer-fab equipment spending for the period (its earnings call)",
    "revenue": "reported revenue for the quarters in question",
    "shipments": "the maker's own figures for what it shipped or expects to ship in the period (its calls)",
    "orders": "the company's own figures for the orders it booked in the period (its calls)",
    "profit": "reported operating income for the quarters in question",
    "backlog": "a reported backlog or remaining performance obligation for the date in question",
    "arr": "a reported annualized revenue run-rate for the date in question",
    "power": "dated power, grid or permitting evidence (utilities, interconnection queues, moratoria) or "
             "the company's active and contracted megawatts",
}


def stem(word: str) -> str:
    """A word's first five letters, a plural's "s" dropped first: "GPUs" and "GPU", "supplied" and "supply" meet
    ("suppl"), so a claim's words can be found in a company's sentence however either inflects them."""
    word = word.lower()
    return (word[:-1] if len(word) > 3 and word.endswith("s") else word)[:5]
