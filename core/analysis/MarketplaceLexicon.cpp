#include "MarketplaceLexicon.h"

#include "WordPattern.h"

namespace gtm::marketplace {

using Re = QRegularExpression;

// A share in per cent as the languages of the evidence write it: "8%", "0,5 %", "12 %"; not a
// share of people or of a market ("keep 96% of their regulars"), not a discount.
static const QString percent = QStringLiteral(
    "\\d+([.,]\\d+)?[ \\x{00a0}\\x{202f}]?%(?! of (their|its|our|your|all|the) (customers|clients|"
    "users|regulars|members|guests|patients|students|buyers|shoppers|visitors|market))"
    // A discount is no cut: "customers get 10% off".
    "(?! (off|discount|rabatt|descuento|remise|réduction|korting|desconto)\\b)");

const Re &supply()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(sellers?|dealers?|walkers?|carriers?|providers?|freelancers?|drivers?|"
        // "We host all our servers" is a verb.
        "hosts?(?! (all|our|their|its|the|your|it|them|everything|a|an)\\b)|"
        "couriers?|tutors?|vendors?|makers?|artisans?|creators?|landlords?|suppliers?|brands|"
        // Compounds and plain synonyms: "babysitters", "landowners", "factories", "Handwerker".
        "\\w*sitters?|\\w+owners|factories|teachers|artists|doctors|locums|movers|"
        "(removal|moving|cleaning) (companies|firms)|handwerker\\w*|dienstleister|"
        "professionals|pros|cleaners?|therapists?|contractors?|tradespeople|experts|"
        "growers?|farmers?|manufacturers|mechanics|caregivers|carers|nannies|photographers|"
        "instructors|coaches|consultants|owners|hauliers|haulage (firms|companies)|truckers|"
        "translators|cooks|chefs(?! de)|pilots|workers|nurses|hostels|hotels|shops|stores|grocers|"
        "restaurants|kitchens|händler|anbieter|verkäufer|cuisiniers|vendeurs|merchants|"
        "commerçants|vermieter\\w*|particuliers|classmates|\\w*spediteure|frachtführer|"
        "transportunternehmen|"
        // Dutch, German, French, Spanish and Portuguese names of the supply side.
        "verkopers|vendedores|productores|producteurs|produzenten|erzeuger|aanbieders|"
        "proveedores|fournisseurs|lieferanten|leveranciers|profesionales|professionnels|"
        "autónomos|indépendants|selbstständige|zzp'ers|traducteurs|traductores|übersetzer|"
        "vertalers|tutores|profesores|nachhilfelehrer\\w*|lehrkräfte|docenten|talleres|"
        "werkstätten|garages|mécaniciens|limpiadores|cuidadores|niñeras|transportistas|"
        "transporteurs|vervoerders|\\w*eigenaren|\\w*eigenaars|propietarios|propriétaires|"
        "\\w*eigentümer|\\w*besitzer|\\w*bezitters|anfitriones|hôtes|gastgeber|verhuurders|"
        "arrendadores|\\w*makers|particulieren|particulares|\\w*studios|crew|deckhands|"
        "freelance (devs|developers|engineers|writers|designers)|rédacteurs|photographes|"
        "loueurs|oppassers|ladeplätze|produtores|fornecedores|vendedores|\\w*unternehmer|"
        "speditionen|caterers|musicians|performers|lenders|cuidador[ae]s)\\b"));
    return re;
}

const Re &demand()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(buyers?|shoppers?|customers|guests?|riders?|shippers?|fans?|clients|renters?|"
        "tenants|students|patients|homeowners|retailers|businesses|travell?ers|diners|"
        "families|parents|learners|brands|restaurants|bidders?|facilities|care homes|"
        "production companies|firms|owners|käufer|\\w*kunden|verlader|clients|acheteurs|mieter\\w*|"
        "members|auftraggeber|charterers|campers|boaters|schippers|"
        "habitants|locataires|residents|neighbou?rs|compradores|kopers|clientes|klanten|"
        "familias|familles|familien|gezinnen|eltern|padres|ouders|conductores|conducteurs|"
        "autofahrer|reizigers|viajeros|voyageurs|reisende|huurders|inquilinos|restaurantes|"
        "estudiantes|élèves|schüler|leerlingen|alumnos|pacientes|patienten|huéspedes|gäste|"
        "gasten|verladers|chargeurs|cargadores|marques|comensales|collectors|"
        "sammler|verzamelaars|dueños|donos|viajer[oa]s?|borrowers|cooperativas|spelers)\\b"));
    return re;
}

const Re &takeRate()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(takes?|charges?|keeps?|earns?|collects?|prend|behalten|behält|nehmen|nimmt|"
        "garde|gardons|prélev\\w+) (an? |the )?(%1 "
        "(of each [\\w ]{0,20}|from the \\w+|de )?)?(commission|fee|cut|service fee|booking fee|"
        "take rate|percentage|margin)|\\b(commission|service fee|booking fee|take rate|"
        "transaction fee|platform fee|placement fee|provision)s? (only )?(on|when|from|of|per|"
        "pro|de|par)\\b|\\b(?!0 ?%)%1 (commission|fee|service fee|booking fee|take rate|cut|"
        "de commission|provision)|(?<!never )(?<!no )\\b(pay|pays) an? [\\w% "
        "-]{0,40}(fee|commission)|holds? "
        "the (payment|"
        "deposit)|payouts? to (the )?\\w+|margin on each|brokers?|brokered|vermittel\\w*|"
        "(takes?|keeps?) %1|"
        "\\b(takes?|charges?|keeps?) an? (small|modest|flat|fixed|tiny) (cut|fee|commission)|"
        "\\b(cobra\\w*|pagan?|betalen|betaalt|zahlen|paient|payent) (una |een |eine |une )?"
        "(comisión|commissie|provision|commission|servicegebühr|vergoeding)|"
        "\\b(comisión|commissie)\\b|"
        // "we keep 18 %", "the owner receives 80% of the rental price".
        "\\b(behalten|behält|behouden|houden|conservons|conserve|gardons|nos quedamos con|"
        "nous gardons|ontvangt|reçoit|recibe|erhält) (wir )?\\d+(,\\d+)? ?%|"
        // A side pays it, said with the side between: "charges buyers a 10% fee".
        "\\b(charg\\w+|bill\\w*) (\\w+ ){1,2}(an? |the )?(%1 )?([\\w-]+ )?"
        "(fee|commission|cut)s?\\b|"
        // A fee of any name with its rate: "6.5% transaction fee", "buyer fee 3%".
        "\\b(?!0 ?%)%1 [\\w-]+ (fee|commission)|\\b(buyer|seller|host|guest|booking|"
        "service|platform|transaction|listing|placement|the company|our)('?s)? (fee|commission),? "
        "(of )?%1|"
        "\\b(earn|earns|receive|receives|get|gets|keep|keeps|houdt|behoudt) (up to )?(?!100 ?%)"
        "%1|"
        "\\bprélev\\w+ (une commission de )?\\d+|"
        // "Sellers pay 9% when an item sells".
        "\\b(pay|pays|paid) (only )?(?!0 ?%)%1|\\bhoudt \\d+ ?% in\\b|"
        // A price per booking paid by one side: "you pay 1.50 € per seated diner".
        "\\b(pay|pays|pagas|paga|pagan|payez|betaal\\w*|zahl\\w*) (only |solo |nur )?([€$£] "
        "?[\\d,.]+|"
        "[\\d,.]+ ?(€|\\$|£)?) (per|por|par|pro|je) ([\\w-]+ "
        ")?(booking|reservation|cover|diner|comensal|guest|order|sale|"
        "lesson|class|job|stay|night|"
        "rental|ride|trip|lead|reserva|réservation|boeking|buchung|auftrag|vermittlung)|"
        // A rate per deal between the sides: "1.2% per trade", "8% on charters".
        "\\b(?!0 ?%)%1 (per|on|on each|on every|of each|of every) (trade|sale|"
        "booking|order|job|transaction|deal|charter|ride|rental|stay|visit|lesson)s?\\b|"
        // An auction's cut is the buyer's premium; German and Dutch names of the fee.
        "\\b(buyer|seller)'?s? premium|\\b\\w+provision\\b|\\beine provision\\b|"
        "\\bvermittlungsgebühr\\w*|\\bservicekosten\\b|\\b(rekenen|rekent|berekenen) (\\w+ ){0,2}"
        "\\d+ ?%|\\bcharg\\w+ \\w+ %1|"
        // A fee from both sides is a cut between them: "charges $1/tonne to each side".
        "\\bcharg\\w+ [^.;]{0,30}\\b(to|from) (each|both|either) sides?\\b|"
        // Who takes it, in the languages of the evidence: "cobra 0,5 %", "rekent clubs 8 %".
        "\\b(takes?|charges?|collects?|withholds?|deducts?|cobra|cobramos|cobran|retiene|"
        "retenemos|se queda con|nos quedamos con|retém|retemos|fica com|ficamos com|prend|prenons|"
        "prélève|prélevons|retient|retenons|facture|facturons|nimmt|nehmen|berechnet|berechnen|"
        "erhebt|erheben|verlangt|verlangen|kassiert|einbehält|rekent|rekenen|berekent|berekenen|"
        "neemt|nemen|vraagt|vragen) ([\\w-]+ ){0,3}(?!0 ?%)%1(?! (off|less|more|of (its |our "
        "|their )?(customers|clients|users)))|"
        // The rate said of the fee: "take rate is 15%", "Provision von 8 %".
        "\\b(take rate|commission|comisión|comissão|commissie|provision)s? "
        "(is|are|of|von|de|del|da|do|van|est de|es de|es del|é de|bedraagt|beträgt|"
        "liegt bei|:) (only |just |nur |seulement |solo |apenas |slechts )?(about |around |"
        "roughly |~)?(?!0 ?%)%1")
                                         .arg(percent));
    return re;
}

const Re &matching()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(match(es|ed|ing)? [\\w ,'&-]{0,40}(with|to)|connects? [\\w ,'&-]{2,40}? (with|to)|"
        "pairs? [\\w ,'&-]{2,40}? with|lets [\\w ,'&-]{2,40}? (rent|book|hire|sell|buy)|two-sided|"
        "two sided|multi-sided|peer-to-peer|p2p|both sides|on both sides|met en relation|"
        "mettent en relation|freight exchange|load exchange|börse|marktplatz|bid to|bids? on|send "
        "(a |an )?(quote|"
        "offer)s?|get quotes|accept (them|it|jobs|orders|shifts|the offered)|pick them up|"
        "rent (out )?(their|your|it)|rent (cameras|equipment|kit|gear)|find (work|shifts|jobs)|"
        "apply with|browse [\\w ,]{0,20}(book|buy|rent|hire|order)\\w*|(browse|compare) "
        "(listings|offers|quotes)|conect\\w+ (a )?[\\w ,.'&-]{2,40}? con|verbindet|verbinden|"
        "koppelt|brengt [\\w ]{2,30} samen|relie|(via|über|a través de|sur|op) (ons|unsere|"
        "nuestra|notre|la) (platform|plattform|plataforma|plateforme)|kopen en verkopen|"
        "compran y venden|comprar y vender|achètent et vendent|kaufen und verkaufen|"
        "compram e vendem|reserva online|boeken|buchen|réservent|reservan|elige entre|kies uit|"
        "choisissez parmi|wähle aus|"
        // The company brings one side to the other: "we find you students", "providers quote".
        "(we )?finds? you (students|clients|customers|jobs|work|guests|renters|buyers|gigs|"
        "tenants|riders|patients)|send (rfqs?|requests? for quotes?)|\\w+ senden angebote|"
        "angebote senden|envoient des devis|sturen offertes|bids? (online|for)|\\w+s bid|apply (directly|"
        "for (the |their )?(shifts?|jobs?|gigs?))|sell\\w* (through|via|über|sur|op|en|por) "
        "the company (to|an|à|aan|a)|(verkaufen|vermieten|vendent|louent|venden|alquilan|verkopen|"
        "verhuren) [\\w ]{0,30}(über|via|sur|por|op) the company (an|à|a|aan))\\b"));
    return re;
}

const Re &listing()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(list (your|their|its|it|them|a|an|idle|spare|free|unused|open|empty|available|"
        "surplus|used|in \\d+)|\\w+s list (their |surplus |used |spare "
        ")?\\w+|(sellers?|hosts?|owners?) "
        "listed|vendez sur|verkaufen auf|sell on (the |our )?(app|platform|site)|(open|ouvrez) "
        "(your|votre|a) (shop|store|boutique)|vermiet\\w*|bestimm\\w* (den )?preis|"
        "listing is free|listed by|post "
        "(a|an|their|your|open|jobs?|shifts?|loads?|projects?|orders?|requests?|shoots?)|"
        "posts (a|an|their|open|jobs?|shifts?|loads?|projects?)|posted by|publish\\w*|publient|"
        "upload|set "
        "(their|your|daily|own|the)? ?prices?|fixent leurs prix|earn\\w* from|bieten|anbieten|"
        "stellen [\\w ]{0,20} ein|geben [\\w ]{0,20}angebote ab|"
        "offer (their|your)|set (their|your) own (rates|prices|fees|hours)|publican|publiceren|"
        "plaatsen|inserieren|fijan (sus? )?(precios?|tarifas?)|legen (ihren|ihre) preis\\w*|"
        "bepalen (zelf )?(hun|de) prijs|proponen un precio|proposent un prix|verhuren|alquilan|"
        "louent|set (their|your) (own )?(rates?|prices?|fees?|hours|menus?|schedules?)|"
        "\\w+s set (their )?(own )?(menus?|rates?|prices?)|\\w+s (post|offer|upload|advertise) "
        "[\\w ]{1,25} for (sale|rent|hire)|add your [\\w ]{0,20}to the company|"
        "post ([\\w-]+ )?(shifts|jobs|loads|projects|gigs|tasks)|rent out (your|their)|"
        // "Produtores publicam lotes", "Angebot einstellen", "zetten hun vrije uren online".
        "publica\\w*|einstellen|inserier\\w*|zetten (hun|je|uw) [\\w ]{0,25}online|"
        "set (their|your) (day|hourly|daily|nightly) rates?)\\b"));
    return re;
}

const Re &software()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(launch your marketplace|run (a|your) (two-sided )?marketplace|build your "
        "marketplace|marketplace software|marketplace platform for|marketplaces (run|built) "
        "(on|with)|for marketplace operators|marketplace operators|marketplace founders|"
        "you keep 100%|white-label marketplace|marketplace builder|for (online )?marketplaces|"
        "marketplace sellers|sellers on (amazon|ebay|etsy)|(amazon|ebay|etsy) sellers|"
        "powers? payments for|on behalf of [\\w ]{0,20}(platforms|marketplaces)|internal (mobility|talent|projects|gigs?)|talent marketplace|"
        // An agency building marketplaces for its clients runs none of them.
        "(design|build|develop|launch)\\w* (and \\w+ )?marketplaces for|marketplaces? for (one of )?"
        "(our|its|their) clients|"
        // Software the intermediaries run on: "the TMS brokers use to manage carriers".
        "(tms|crm|erp|software|system|tool)s? [\\w ]{0,30}\\b(use|uses|rely on|relies on) to "
        "(manage|run|track|dispatch)|per-seat pricing|priced per seat)\\b"));
    return re;
}

const Re &notOne()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(not a marketplace|no longer a marketplace|pivoted (away )?from|used to be a "
        "marketplace|(don't|do not|never) (run|operate) one|never show them other|"
        "we (buy|own|hold) (all |our own )?(the )?(inventory|stock)|first-party|our own "
        "inventory|we sell directly|(closed|closing|shut|shutting|shuttered) (down )?(the |our "
        "|its )?[\\w ]{0,20}marketplace|marketplace (closed|shut down|was (closed|shut)|is (closed|"
        "shut)|wound down)|after (shutting|closing) (down )?(its|the|our) "
        "marketplace|bought and shipped by|employs? (all|every|each) [\\w ]{0,30}(directly|"
        "itself|in-house)|employs all \\d+ of its|(cleaners|drivers|nurses|staff|tutors|"
        "couriers|workers) are (our own )?employees|"
        // Closed: "shuts down its resale app", "is no longer operating", "stopped being a ...".
        "(shuts|shut|shutting) down (its|the|our) [\\w -]{0,30}(app|marketplace|platform|"
        "service|business)|(is|are) no longer operating|(ceased|ceases|stopped) (operations|"
        "operating|trading)|(will )?stop operating|stopped being (a|an) |"
        // Its own stock, bought and resold: a wholesaler or a shop, whatever it calls itself.
        "(stocked|held|stored|kept) in our own|(shipped|stocked|packed|fulfilled) by us|"
        "we (buy|purchase|source) [\\w ,]{0,40}\\b(and|to) (re)?sell)\\b"));
    return re;
}

const Re &plannedOne()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(coming (soon|in|next)|plans? to (open|launch|build|add|become)|will (open|launch|"
        "become)|next year|roadmap|pilot\\w*|plans? (an? |its |to \\w+ )?[\\w -]{0,20}"
        "marketplace|choosing|still deciding|coming (later|this \\w+|in \\d{4}|\\d{4})|"
        "(join|on) the waitlist|not (yet )?(live|launched|open))\\b"));
    return re;
}

const Re &notLiveYet()
{
    static const Re re = wordPattern(QStringLiteral(
        "^\\W*(launching|opening|coming|live) (in |from )?(20\\d\\d|soon|next (year|spring|summer|"
        "autumn|fall|winter))\\b|\\b(has|have) no [\\w ]{0,20}signed up yet\\b"));
    return re;
}

const Re &calledOne()
{
    // German compounds: "Frachtenbörse", "Handwerkermarktplatz".
    static const Re re = wordPattern(
        QStringLiteral("\\b(marketplace|freight exchange|load exchange|\\w*börse|\\w*marktplatz|"
                       "plateforme de mise en relation|marktplaats|place de marché|"
                       "plataforma de compraventa)\\b"));
    return re;
}

// "Connects nursing homes with per-diem nurses": two sides and the match in one phrase.
const Re &twoSides()
{
    static const Re re = wordPattern(
        QStringLiteral("\\b(match(es|ed|ing)?|connect(s|ed|ing)?|pair(s|ed|ing)?|link(s|ed|ing)?) "
                       "[\\w ,'&-]{2,60}? with [\\w ,'&-]{2,60}|\\bbetween [\\w ,'&-]{2,40}? and "
                       "[\\w ,'&-]{2,40}"));
    return re;
}

// A staffing agency employs and places people itself.
const Re &agencyModel()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(staffing (agency|firm)|recruitment (agency|firm|consultancy)|recruiters for|we "
        "place|places [\\w ,&-]{0,30}(contractors|candidates|engineers|staff) (with|at)|"
        "on assignment|is an agency|(developers|engineers|nurses|staff|consultants) are "
        "employees|we (recruit|employ), |supplies [\\w ,-]{0,40}(nurses|physicians|staff|workers|"
        "engineers|professionals) to|place [\\w ]{0,20}(nurses|candidates|staff|engineers|"
        "contractors) with)\\b"));
    return re;
}

// Marketplaces talked about, not run: "Marketplaces like Upwork leave you alone".
const Re &othersMarketplaces()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\bmarketplaces (like|such as)\\b|\\b(unlike|not) (a |the )?([\\w-]+ )?marketplaces?\\b"));
    return re;
}

const Re &strong()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(two-sided|two sided|multi-sided|multisided|both sides|buyers and sellers|sellers "
        "and buyers|hosts and guests|drivers and riders|riders and drivers|shippers and carriers|"
        "carriers and shippers|freelancers and (clients|companies|businesses)|(to|from) (each|either) side|"
        "patients and "
        "(doctors|providers|therapists)|tutors and students|students and tutors|vendors and "
        "buyers|brands and (retailers|creators)|creators and brands|landlords and tenants|"
        "renters and owners|owners and renters|supply and demand|supply side|demand side|take "
        "rate|commission (on|from) (each|every)|matching engine|liquidity|gmv|gross merchandise "
        "(value|volume)|peer-to-peer|p2p|(?<side>\\w+)-to-\\k<side>|"
        "(on|in|join|to) (the )?(the company|our) marketplace(?! listing)|"
        // "Connect the company with your POS" is an integration, not a match.
        "connects? (?!the company\\b)[\\w ,'&-]{2,50}? "
        "(with|to) [\\w ,'&-]{2,50}|matches "
        "[\\w ,'&-]{2,50}? (with|to) [\\w ,'&-]{2,50}|connecting [\\w ,'&-]{2,50}? (with|to|and) "
        "[\\w ,'&-]{2,50}|(a|our|the) marketplace (for|of|where|that|connecting|linking|"
        "matching|between)|marketplace platform|online marketplace|b2b marketplace|"
        "(is|as|runs|operates|built) an? [\\w -]{0,30}marketplace)\\b"));
    return re;
}

const Re &channel()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b((amazon|ebay|etsy|aws|azure|google cloud|gcp|salesforce|shopify|atlassian|"
        "hubspot|zalando|walmart|otto|mercado libre|allegro|zoom|slack|microsoft|apple|app|"
        "snowflake|databricks|red hat|oracle|sap) (app )?marketplaces?|marketplace listing|"
        "listed (on|in)|sell\\w* (on|through|via) [\\w ]{0,30}marketplaces?|on marketplaces|"
        "across marketplaces|marketplace sellers|marketplace channels?|marketplaces like|"
        "marketplaces such as|marketplace integrations?|sells? on|storefronts?|"
        "third-party marketplaces?|online marketplaces (now )?(account|make|drive)|marketplace "
        "(sales|revenue)|(aca|health insurance|state) marketplace|marketplace (plans?|"
        "enrollment|sign-ups)|(integrations?|apps?|plugins?|extensions?|add-ons?|templates?|"
        "connectors?) marketplace|marketplace of (integrations|apps|plugins|connectors))\\b"));
    return re;
}

// Private people or peers trading among themselves: "swap homes with each other", "resell
// tickets to other fans", "location entre particuliers".
const Re &peers()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(with each other|with one another|between (members|neighbou?rs|owners|fans)|"
        "another member's|(to|from|on|with) (other|fellow) (fans|members|users|people|"
        "neighbou?rs|owners|studios|sellers|buyers|hosts|travell?ers|students|parents|families|"
        "collectors|riders|drivers|homeowners|gardeners|creators|makers|farmers)|entre "
        "particuliers|tussen particulieren|van particulier|de particular a particular|entre "
        "particulares|von privat an privat|zwischen privatpersonen|"
        // "Brewers sell surplus contracts to other brewers", "swap homes with members".
        "(sell|sells|resell|resells|trade|trades|swap|swaps|rent|rents|lend|lends) "
        "[\\w ,'-]{0,40}(to|from|with) other \\w+s|swap (\\w+ ){0,2}with)\\b|"
        // Addressed to users who do both: "Buy and sell hop contracts."
        "^(buy|kaufe|achetez|compra|koop) (and|&|und|et|y|en) (sell|verkaufe|vendez|vende|verkoop)\\b"));
    return re;
}

// What the sides do with each other on it: book, hire, rent, buy, sell, bid, swap.
const Re &transacts()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(book|books|booked|booking|hire|hires|hiring|rent|rents|renting|buy|buys|sell|sells|"
        "selling|resell|resells|bid|bids|bidding|swap|swaps|order|orders|reserve|reserves|"
        "réserv\\w+|lou\\w+|boek\\w+|huren|verhuren|reserv\\w+|alquil\\w+|buch\\w+|miet\\w+|"
        "bieden|bieten|pujan|enchér\\w+|kopen|verkopen|kaufen|verkaufen|achètent|vendent|"
        "compran|venden|tauschen|tauscht|handeln|ruilen|échangent|intercambian|trocam|"
        "dão lances|lances)\\b"));
    return re;
}

// The company in between holds the money: it collects from one side and pays the other.
const Re &holdsPayment()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b((handles?|guarantees?|secures?|holds?|takes care of) (the )?payment(?!s)|escrow|"
        "pays (the )?(crew|hosts?|sellers?|walkers?|sitters?|drivers?|carriers?|owners?|"
        "freelancers?|makers?|tutors?)|pay(s)? safely (via|through|in)|betaalt veilig|"
        "regelt de betaling|uitbetaling\\w*|sécurise (le )?paiement|garantit (le )?paiement|"
        "(te|les) paga|gestiona el pago|garantiza el pago|übernimmt die (zahlung|abrechnung)|"
        "weekly payouts?|garante o pagamento|treuhand\\w*|(payment|bezahlung|zahlung|betaling|"
        "pago|paiement|pagamento)s? (runs?|goes|go|läuft|laufen|erfolgt|loopt|lopen|passe|"
        "pasa|passa) (\\w+ )?(through|via|über|par|por|pela|pelo)|(el )?pago queda retenido|"
        "(payment|money|funds) (is |are )?held (until|in escrow)|wir rechnen ab)\\b"));
    return re;
}

// Someone who provides the service, one or many: the noun a buyer books or the company vets.
static const QString provider = QStringLiteral(
    "(chefs?(?! de)|cooks?|\\w*sitters?|nann(y|ies)|tutors?|teachers?|photographers?|drivers?|"
    "couriers?|cleaners?|plumbers?|electricians?|handym[ae]n|tradespeople|tradesperson|movers?|"
    "(removal|moving|cleaning|haulage) (compan(y|ies)|firms?)|translators?|freelancers?|"
    "freelance \\w+|designers?|devs|instructors?|coach(es)?|therapists?|trainers?|walkers?|"
    "hosts?|owners?|landlords?|mechanics?|garages?|carers?|caregivers?|pros?|professionals?|"
    "experts?|sellers?|dealers?|makers?|artisans?|farmers?|growers?|guides?|captains?|"
    "factor(y|ies)|manufacturers?|suppliers?|carriers?|hauliers?|workshops?|studios?|"
    "restaurants?|hotels?|handwerker\\w*|händler\\w*|anbieter\\w*|dienstleister\\w*|"
    "prestataires?|profesionales|proveedores|talleres|restaurantes|aanbieders|vakmensen|"
    "caterers?|musicians?|clubs?|venues?|cuidador[ae]s|produtores)");

const Re &vetsProviders()
{
    static const Re re = wordPattern(QStringLiteral(
        "(?<!our )\\b(vetted|verified|screened|background[- ]checked|geprüfte?n?|vérifiés?|"
        "verificad[oa]s|gescreende|gecontroleerde) ([\\w-]+ ){0,2}%1\\b|\\b%1 (is|are) (all )?"
        "(vetted|screened|background[- ]checked|verified|geprüft)\\b|\\b(vet|vets|screen|screens|"
        "verify|verifies|background-checks?) (every|each|all) ([\\w-]+ ){0,2}%1\\b").arg(provider));
    return re;
}

const Re &buyerBooks()
{
    static const Re re = wordPattern(QStringLiteral(
        "(^\\W*|[-–|:] )(book|hire|order|rent|charter|reserve|choose|get (quotes|offers|bids) "
        "from|reserva|buche|buchen|réservez|choisissez|boek|huur|kies|contrata|elige|bestel|"
        "commandez|pide|wähle)\\b[^.;]{0,40}?\\b(from|a|an|with|at|"
        "among|en|bei|chez|bij|de|von|van|parmi|un|une|een|ein|eine|einen|una|um|uma|"
        "\\d{1,3}([ .,\\x{00a0}]\\d{3})+|\\d+) "
        // Ordering from one's own suppliers is procurement: "order from every supplier".
        "(?!(every|all|any|your|our|their|its|existing)\\b)([\\w-]+ ){0,2}%1\\b|"
        // Whoever does the work, by its agent noun: "book a groomer", "hire a plumber".
        "(^|[-–|:] )(book|hire) (a|an) ([\\w-]+ )?\\w{3,}(er|or|ist|ian)\\b|"
        // The class of them, without an article: "Book session musicians", "Hire vetted movers".
        "(^\\W*|[-–|:] )(book|hire|order from) (?!(every|all|any|your|our|their|its|"
        "existing)\\b)([\\w-]+ ){0,2}%1\\b")
                                         .arg(provider));
    return re;
}

const Re &supplyEarns()
{
    static const Re re = wordPattern(QStringLiteral(
        "(?<!our )\\b(you|they|\\w+(s|er|en)|sie|ils|elles|ellos|eles|zij|u|vous) "
        "(keep|keeps|earn|earns|"
        "earned|receive|receives|take home|behalten|verdienen|gagnent|gagnez|ganan|erhalten|"
        "bekommen|reçoivent|recevez|touchent|gardent|reciben|recibe|se quedan con|recebem|ganham|"
        "ficam com|ontvangen|ontvangt|krijgen|krijgt|houden) (up to |bis zu |jusqu'à |hasta |até "
        "|tot )?(el |la |le |les |o |os |het |de )?((?!100 ?%)%1|[€$£] ?\\d|per \\w+)|"
        "\\b(get|gets|are|is) paid (per|for each|every|weekly|monthly|within|after)\\b|"
        "\\bpay (you|them|\\w+s) (weekly|monthly|every|within|out|per)\\b|\\bminus (our|a|the) "
        "(fee|commission|cut)\\b|\\b(the rest|the remainder|the balance) goes (straight |"
        "directly )?to\\b|\\b(earn|make) money (from|with|by renting|renting) your\\b")
                                         .arg(percent));
    return re;
}

const Re &supplyTeam()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b(supply (growth|acquisition|onboarding|side|partnerships)|head of supply|grow (our|"
        "the) (pool|supply|network) of|the \\w+ side of (our|the|its) (platform|marketplace|"
        "network)|balance supply and demand|"
        // Recruiting who provides: "onboard 5,000 new farmer sellers", "captarás nuevos talleres".
        // Hiring staff is not: "nous recrutons des chefs de projet".
        "(onboard|sign up|captar\\w*|acquire) ([\\d,.]+ )?(new|nuevos|nuevas|nouveaux|nieuwe) "
        "([\\w-]+ )?%1)\\b").arg(provider));
    return re;
}

const Re &directory()
{
    static const Re re = wordPattern(QStringLiteral(
        "\\b((contact|call|phone|message|email) (them|the \\w+|each other) directly|get listed for|"
        "(monthly|yearly|annual) listing fee|(a|per|/) ?(month|year) for (a|their|your) listing|"
        "listing (costs|is) [^.;]{0,12}(a|per|/) ?(month|year))\\b"));
    return re;
}

const Re &referral()
{
    static const Re re = wordPattern(
        QStringLiteral("\\b(referr\\w*|refer a|affiliates?|recurring|partner program\\w*|"
                       "resell\\w*|cashback)\\b"));
    return re;
}

} // namespace gtm::marketplace
