"""Every word the dashboard shows, in English and Danish.

Pages, the sidebar and the chart builders look text up here through a :class:`Translator`
(``t("key", **values)``) and never carry literal sentences of their own, so a translation is
one edit in one file. Tables:

- ``TEXT``: labels, sentences and titles, by key;
- ``FIELD_TEXT``: the label and the plain-language help of every scenario input;
- ``GLOSSARY``: the domain words of DESIGN.md, Danish ↔ English.

Sentences use ``str.format`` fields; a test checks that both languages of a key use the
same fields.
"""

from __future__ import annotations

from sib_model import PRESET_DETAILS

from .formatting import NumberFormat

__all__ = ["LANGUAGES", "TEXT", "FIELD_TEXT", "GLOSSARY", "TRANSLATIONS", "Translator"]

#: Language code → its name in that language (the options of the language switch).
LANGUAGES = {"en": "English", "da": "Dansk"}

TEXT: dict[str, dict[str, str]] = {
    # --- app and navigation -------------------------------------------------------------
    "page_explorer": {"en": "Explorer", "da": "Udforsk"},
    "page_creaming": {"en": "Creaming", "da": "At skumme fløden"},
    "page_deal_space": {"en": "Deal space", "da": "Hvor en aftale findes"},
    "page_sensitivity": {"en": "Sensitivity", "da": "Følsomhed"},
    "page_method": {"en": "Method", "da": "Metode"},
    "illustrative": {
        "en": "Illustrative model: the numbers show how a social impact bond works, not what a "
              "real contract will pay.",
        "da": "Illustrativ model: tallene viser, hvordan en social investering virker, ikke hvad "
              "en rigtig kontrakt vil betale."},
    # --- sidebar ------------------------------------------------------------------------
    "language": {"en": "Language / Sprog", "da": "Language / Sprog"},
    "preset": {"en": "Preset", "da": "Eksempel"},
    "preset_help": {
        "en": "Start from an illustrative case. Contract terms of the Danish pilots are not "
              "public, so prices and costs are plausible values, not the real contracts.",
        "da": "Start fra et illustrativt eksempel. Kontraktvilkårene i de danske piloter er "
              "ikke offentlige, så priser og udgifter er plausible bud, ikke de rigtige "
              "kontrakter."},
    "preset_custom": {"en": "— your own scenario —", "da": "— dit eget scenarie —"},
    "headline_inputs": {"en": "The three big questions", "da": "De tre store spørgsmål"},
    "group_caption": {
        "en": "Chosen group: **{p}** succeed with the programme, **{c}** would succeed anyway "
              "(p(d) and c(d); the reference group at difficulty 0.5 has {p0} and {c0}).",
        "da": "Valgt målgruppe: **{p}** lykkes med indsatsen, **{c}** ville lykkes alligevel "
              "(p(d) og c(d); referencegruppen ved sværhedsgrad 0,5 har {p0} og {c0})."},
    "advanced": {"en": "Advanced", "da": "Avanceret"},
    "section_group": {"en": "Target group and evidence", "da": "Målgruppe og evidens"},
    "section_contract": {"en": "Contract terms", "da": "Kontraktens vilkår"},
    "section_money": {"en": "Costs, savings and timing", "da": "Udgifter, besparelser og tid"},
    "switch_contract_baseline": {"en": "Write a fixed baseline into the contract",
                    "da": "Skriv en fast baseline ind i kontrakten"},
    "switch_contract_baseline_help": {
        "en": "Off: the baseline is the chosen group's true success rate without the programme, "
              "c(d) — the ideal counterfactual. On: a fixed rate agreed in the contract; if it "
              "is below the truth, the municipality pays for outcomes that would have happened "
              "anyway.",
        "da": "Fra: baseline er den valgte målgruppes sande succesrate uden indsatsen, c(d) – "
              "det ideelle sammenligningsgrundlag. Til: en fast rate aftalt i kontrakten; ligger den "
              "under sandheden, betaler kommunen for effekter, der ville være sket alligevel."},
    "switch_payment_cap": {"en": "Cap total payments", "da": "Sæt loft over den samlede betaling"},
    "switch_payment_cap_help": {
        "en": "A cap limits the municipality's worst case — and the investor's best case.",
        "da": "Et loft begrænser kommunens værste udfald – og investorens bedste."},
    "switch_evidence_strength": {"en": "Success rate known exactly", "da": "Succesraten kendes præcist"},
    "switch_evidence_strength_help": {
        "en": "Pretend the programme's success rate is certain (infinite evidence). Only chance "
              "among individual citizens remains, which hides most of the investor's real "
              "risk.",
        "da": "Lad som om indsatsens succesrate er sikker (uendelig evidens). Kun tilfældighed "
              "blandt de enkelte borgere er tilbage, hvilket skjuler det meste af investorens "
              "reelle risiko."},
    "share_hint": {
        "en": "The address bar holds this exact scenario: copy it to share the view.",
        "da": "Adresselinjen indeholder netop dette scenarie: kopiér den for at dele visningen."},
    "payment_basis_every_outcome": {"en": "Every outcome", "da": "Hver effekt"},
    "payment_basis_above_baseline": {"en": "Only outcomes above the baseline",
                             "da": "Kun effekter over baseline"},
    # --- link problems ------------------------------------------------------------------
    "link_problems": {
        "en": "Some settings in the link could not be used, so valid values are shown "
              "instead: {items}.",
        "da": "Nogle indstillinger i linket kunne ikke bruges, så gyldige værdier vises i "
              "stedet: {items}."},
    "link_unknown_key": {"en": "{key} (unknown setting)", "da": "{key} (ukendt indstilling)"},
    "link_invalid_value": {"en": "{key} = {value} (allowed: {allowed})",
                           "da": "{key} = {value} (tilladt: {allowed})"},
    "link_adjusted": {"en": "{key} = {value} (beyond the dashboard's range, {used} used)",
                      "da": "{key} = {value} (uden for dashboardets område, {used} bruges)"},
    "allowed_whole": {"en": "a whole number from {lo} to {hi}",
                      "da": "et helt tal fra {lo} til {hi}"},
    "allowed_number": {"en": "a number from {lo} to {hi}", "da": "et tal fra {lo} til {hi}"},
    "allowed_optional": {"en": "{range}, or none", "da": "{range} eller none (intet)"},
    "allowed_evidence": {"en": "a number above 0, or inf", "da": "et tal over 0 eller inf (uendelig)"},
    "allowed_basis": {"en": "every_outcome or above_baseline",
                      "da": "every_outcome eller above_baseline"},
    "allowed_lang": {"en": "en or da", "da": "en eller da"},
    # --- parties and series -------------------------------------------------------------
    "investor": {"en": "Investor", "da": "Investor"},
    "provider": {"en": "Provider", "da": "Leverandør"},
    "commissioner": {"en": "Municipality (SIB)", "da": "Kommunen (social investering)"},
    "conventional": {"en": "Municipality funds it directly",
                     "da": "Kommunen finansierer selv"},
    "society": {"en": "Society", "da": "Samfundet"},
    "payment": {"en": "Outcome payment", "da": "Resultatbetaling"},
    "commissioner_payment": {"en": "Municipality pays", "da": "Kommunen betaler"},
    "commissioner_saving": {"en": "Municipality saves", "da": "Kommunen sparer"},
    "commissioner_net": {"en": "Municipality net", "da": "Kommunen netto"},
    "conventional_funding": {"en": "Direct funding (no SIB)",
                             "da": "Direkte finansiering (uden social investering)"},
    "sib": {"en": "Social impact bond", "da": "Social investering"},
    "direct": {"en": "Direct funding", "da": "Direkte finansiering"},
    "cost": {"en": "Cost", "da": "Udgift"},
    "own_saving": {"en": "Own saving", "da": "Egen besparelse"},
    "net": {"en": "Net", "da": "Netto"},
    # --- explorer -----------------------------------------------------------------------
    "metric_irr": {"en": "Expected investor return (IRR)", "da": "Forventet afkast (IRR)"},
    "metric_irr_help": {
        "en": "The investor's average yearly return over all simulated futures. Median: {median}.",
        "da": "Investorens gennemsnitlige årlige afkast over alle simulerede forløb. Median: "
              "{median}."},
    "metric_loss": {"en": "Chance the investor loses money", "da": "Risiko for tab"},
    "metric_loss_help": {
        "en": "Share of simulated futures where the investor gets back less than it put in. "
              "Chance of losing everything: {total}.",
        "da": "Andel af de simulerede forløb, hvor investoren får mindre tilbage, end den satte "
              "ind. Risiko for at tabe alt: {total}."},
    "metric_moic": {"en": "Money multiple", "da": "Penge tilbage pr. indskudt krone"},
    "metric_moic_help": {
        "en": "What comes back for each krone put in, averaged over the simulated futures: "
              "1.2× means 20 % more back.",
        "da": "Hvad der kommer tilbage for hver indskudt krone, som gennemsnit over de "
              "simulerede forløb: 1,2× betyder 20 % mere tilbage."},
    "metric_commissioner": {"en": "Municipality net (SIB)", "da": "Kommunens netto (social investering)"},
    "metric_commissioner_delta": {"en": "{diff} vs funding it directly",
                                  "da": "{diff} mod at finansiere selv"},
    "metric_commissioner_help": {
        "en": "Present value of the municipality's own savings minus its payments. Funding the "
              "same programme directly would give {conventional}.",
        "da": "Nutidsværdi af kommunens egne besparelser minus dens betalinger. Hvis kommunen "
              "selv finansierede samme indsats, blev det {conventional}."},
    "metric_cost_per_additional": {"en": "Cost per additional outcome",
                                   "da": "Pris pr. ekstra effekt"},
    "metric_cost_per_additional_help": {
        "en": "Expected payments divided by the expected outcomes that would not have happened "
              "without the programme.",
        "da": "Forventede betalinger delt med de forventede effekter, der ikke ville være sket "
              "uden indsatsen."},
    "metric_deadweight": {"en": "Deadweight share", "da": "Dødvægt"},
    "metric_deadweight_help": {
        "en": "Share of all outcomes that would have happened anyway, without the programme.",
        "da": "Andel af alle effekter, der ville være sket alligevel, uden indsatsen."},
    "say_money_back": {
        "en": "In **{k} of 10** simulated futures the investor gets its money back; in the "
              "rest it loses part of its capital.",
        "da": "I **{k} ud af 10** simulerede forløb får investoren sine penge igen; i resten "
              "taber den en del af kapitalen."},
    "say_money_back_all": {
        "en": "In **all** simulated futures the investor gets its money back.",
        "da": "I **alle** simulerede forløb får investoren sine penge igen."},
    "say_money_back_none": {
        "en": "In **none** of the simulated futures does the investor get all its money back.",
        "da": "I **ingen** af de simulerede forløb får investoren alle sine penge igen."},
    "say_commissioner_better": {
        "en": "For the municipality the SIB is **{diff} better** than funding the programme "
              "directly: it pays only when outcomes happen.",
        "da": "For kommunen er den sociale investering **{diff} bedre** sammenlignet med at "
              "finansiere indsatsen selv: den betaler kun, når effekterne kommer."},
    "say_commissioner_worse": {
        "en": "For the municipality the SIB costs **{diff} more** than funding the programme "
              "directly — the price of moving the risk to the investor.",
        "da": "For kommunen koster den sociale investering **{diff} mere** sammenlignet med at "
              "finansiere indsatsen selv – prisen for at flytte risikoen over på investoren."},
    "say_wrong_pocket": {
        "en": "Only {share} of the public saving lands in the municipality's budget; the rest "
              "lands in other pockets (state, region). For society as a whole the programme "
              "is worth **{society}**.",
        "da": "Kun {share} af den offentlige besparelse lander i kommunens budget; resten "
              "lander i andre lommer (stat, region). For samfundet som helhed er indsatsen "
              "**{society}** værd."},
    "say_deadweight": {
        "en": "{share} of the outcomes achieved would have happened anyway (deadweight).",
        "da": "{share} af de opnåede effekter ville være sket alligevel (dødvægt)."},
    "say_no_effect": {
        "en": "Without the programme at least as many citizens would succeed as with it: there "
              "are **no additional outcomes** to pay for (success without the programme is set "
              "at or above success with it).",
        "da": "Uden indsatsen ville mindst lige så mange borgere lykkes som med den: der er "
              "**ingen ekstra effekter** at betale for (succesraten uden indsats er sat lig med "
              "eller over raten med indsats)."},
    "say_investor_no_capital": {
        "en": "The investor puts in **no money** here (the provider funds everything), so it "
              "carries no risk and earns no return.",
        "da": "Investoren skyder **ingen penge** ind her (leverandøren finansierer alt), så den "
              "bærer ingen risiko og får intet afkast."},
    "say_provider_no_risk": {
        "en": "The provider carries **no financial risk**: the investor funds all costs. The "
              "provider's stake is its reputation and its freedom of method.",
        "da": "Leverandøren bærer **ingen økonomisk risiko**: investoren betaler alle udgifter. "
              "Leverandørens indsats er dens omdømme og dens metodefrihed."},
    "say_provider_risk": {
        "en": "The provider funds **{share}** of the delivery costs itself and is repaid only "
              "from outcome payments: its expected net is {net}.",
        "da": "Leverandøren betaler selv **{share}** af udgifterne til indsatsen og får dem kun "
              "igen via resultatbetalinger: dens forventede netto er {net}."},
    "say_threshold": {
        "en": "The payment threshold is met in {share} of the simulated futures.",
        "da": "Tærsklen for betaling nås i {share} af de simulerede forløb."},
    "say_cap": {
        "en": "The payment cap binds in {share} of the simulated futures.",
        "da": "Loftet over betalingen rammes i {share} af de simulerede forløb."},
    "chart_irr_title": {"en": "Investor return across simulated futures",
                        "da": "Investorens afkast i de simulerede forløb"},
    "chart_irr_x": {"en": "Investor return (IRR per year)", "da": "Investorens afkast (IRR pr. år)"},
    "chart_share_of_futures": {"en": "Share of futures", "da": "Andel af forløb"},
    "loss": {"en": "Loss", "da": "Tab"},
    "gain": {"en": "Money back or more", "da": "Pengene igen eller mere"},
    "loss_region": {"en": "loss", "da": "tab"},
    "expected": {"en": "expected", "da": "forventet"},
    "chart_commissioner_title": {"en": "Municipality: social impact bond vs funding directly",
                                 "da": "Kommunen: social investering eller egen finansiering"},
    "chart_money_axis": {"en": "DKK million (present value)", "da": "mio. kr. (nutidsværdi)"},
    "net_spread_hover": {
        "en": "{name}: {net} expected; in 90 % of simulated futures between {low} and {high}",
        "da": "{name}: {net} forventet; i 90 % af de simulerede forløb mellem {low} og {high}"},
    "chart_payoff_title": {"en": "Who gets what, by the success rate achieved",
                           "da": "Hvem får hvad, efter den opnåede succesrate"},
    "chart_payoff_x": {"en": "Achieved success rate (outcomes / starters)",
                       "da": "Opnået succesrate (effekter / startede)"},
    "chart_payoff_y": {"en": "DKK million", "da": "mio. kr."},
    "threshold": {"en": "threshold", "da": "tærskel"},
    "cap_reached": {"en": "cap reached", "da": "loft nået"},
    "expected_rate": {"en": "p(d) expected", "da": "p(d) forventet"},
    "counterfactual_rate": {"en": "c(d) without programme", "da": "c(d) uden indsats"},
    "chart_cash_title": {"en": "Expected cash flows per year", "da": "Forventede pengestrømme pr. år"},
    "chart_cash_x": {"en": "Year", "da": "År"},
    "chart_cash_y": {"en": "DKK million (+ in, − out)", "da": "mio. kr. (+ ind, − ud)"},
    # --- creaming -----------------------------------------------------------------------
    "creaming_intro": {
        "en": "An investor paid per outcome earns most from citizens close to the goal; the "
              "municipality gets most *additional* outcomes per krone from citizens far from "
              "it, because easy cases often succeed anyway. This is creaming.",
        "da": "En investor, der betales pr. effekt, tjener mest på borgere tæt på målet; "
              "kommunen får flest *ekstra* effekter pr. krone hos borgere langt fra målet, "
              "fordi de lette ofte lykkes alligevel. Det er at skumme fløden."},
    "chart_frontier_title": {"en": "What each party gets as the target group gets harder",
                             "da": "Hvad hver part får, når målgruppen bliver sværere"},
    "chart_difficulty_x": {"en": "Target-group difficulty (0 = closest to the goal, 1 = furthest)",
                           "da": "Målgruppens sværhedsgrad (0 = tættest på målet, 1 = længst fra)"},
    "frontier_irr": {"en": "Investor IRR", "da": "Investorens IRR"},
    "frontier_cost": {"en": "DKK per additional outcome", "da": "Kr. pr. ekstra effekt"},
    "frontier_deadweight": {"en": "Deadweight share", "da": "Dødvægt"},
    "investor_prefers": {"en": "investor prefers", "da": "investor foretrækker"},
    "commissioner_prefers": {"en": "municipality prefers", "da": "kommunen foretrækker"},
    "current_group": {"en": "chosen group", "da": "valgt målgruppe"},
    "say_creaming_gap": {
        "en": "The investor's return is highest for difficulty **{di}** (expected IRR {irr}); "
              "the municipality pays least per additional outcome at difficulty **{dc}** "
              "({cost}). The gap of **{gap}** is the creaming tension: a deal steered by the "
              "investor drifts toward citizens who would often have succeeded anyway.",
        "da": "Investorens afkast er højest ved sværhedsgrad **{di}** (forventet IRR {irr}); "
              "kommunen betaler mindst pr. ekstra effekt ved sværhedsgrad **{dc}** ({cost}). "
              "Afstanden på **{gap}** er spændingen om fløden: en aftale styret af investoren "
              "glider mod borgere, der ofte ville være lykkedes alligevel."},
    "say_creaming_aligned": {
        "en": "Here the investor and the municipality prefer the same target group "
              "(difficulty **{di}**): no creaming tension on these terms.",
        "da": "Her foretrækker investor og kommune samme målgruppe (sværhedsgrad **{di}**): "
              "ingen spænding om fløden på disse vilkår."},
    "say_creaming_no_additional": {
        "en": "The municipality has no preferred group here: no group has additional outcomes, "
              "or every group costs the same per additional outcome. The investor prefers "
              "difficulty **{di}**.",
        "da": "Kommunen har ingen foretrukken målgruppe her: ingen gruppe har ekstra effekter, "
              "eller alle grupper koster det samme pr. ekstra effekt. Investoren foretrækker "
              "sværhedsgrad **{di}**."},
    "say_creaming_no_investor": {
        "en": "The investor has no preferred group here: it gets the same whatever the group "
              "(or puts in no money). The municipality pays least per additional outcome at "
              "difficulty **{dc}**.",
        "da": "Investoren har ingen foretrukken målgruppe her: den får det samme uanset gruppe "
              "(eller skyder ingen penge ind). Kommunen betaler mindst pr. ekstra effekt ved "
              "sværhedsgrad **{dc}**."},
    "say_creaming_none": {
        "en": "Neither party prefers any target group on these terms: every group gives the "
              "same result.",
        "da": "Ingen af parterne foretrækker en bestemt målgruppe på disse vilkår: alle grupper "
              "giver samme resultat."},
    "creaming_levers": {"en": "What moves the investor's preferred group?",
                        "da": "Hvad flytter investorens foretrukne målgruppe?"},
    "creaming_levers_intro": {
        "en": "The same frontier under four sets of contract terms: a rate card that pays more "
              "for harder citizens (difficulty premium) and paying only above a baseline both "
              "pull the investor's optimum toward harder groups.",
        "da": "Samme kurve under fire sæt kontraktvilkår: en prisliste, der betaler mere for "
              "sværere borgere (tillæg for sværhedsgrad), og betaling kun over en baseline "
              "trækker begge investorens optimum mod sværere målgrupper."},
    "chart_levers_title": {"en": "Investor return by difficulty under different terms",
                           "da": "Investorens afkast efter sværhedsgrad under forskellige vilkår"},
    "lever_terms": {"en": "Contract terms", "da": "Kontraktvilkår"},
    "lever_table_note": {
        "en": "Why the municipality's preference moves too: a rate card makes outcomes of easy "
              "groups cheap, so their cost per additional outcome can fall below that of hard "
              "groups; paying only above the true baseline means paying only for additional "
              "outcomes, so every group costs about the same per additional outcome and the "
              "municipality's preference is weak.",
        "da": "Hvorfor kommunens foretrukne gruppe også flytter sig: en prisliste gør effekter i "
              "lette grupper billige, så deres pris pr. ekstra effekt kan blive lavere end i "
              "svære grupper; betales der kun over den sande baseline, betales der kun for "
              "ekstra effekter, så alle grupper koster omtrent det samme pr. ekstra effekt, og "
              "kommunens præference er svag."},
    "lever_label": {"en": "premium {premium}, {basis}", "da": "tillæg {premium}, {basis}"},
    "lever_investor_d": {"en": "Investor's preferred difficulty",
                         "da": "Investorens foretrukne sværhedsgrad"},
    "lever_investor_irr": {"en": "Its expected IRR", "da": "Dens forventede IRR"},
    "lever_commissioner_d": {"en": "Municipality's preferred difficulty",
                             "da": "Kommunens foretrukne sværhedsgrad"},
    # --- deal space ---------------------------------------------------------------------
    "deal_intro": {
        "en": "Each cell is a price per outcome and a target group. The investor signs if its "
              "return and risk are acceptable; the municipality signs if the deal passes its "
              "test. A deal exists only where both sign.",
        "da": "Hver celle er en pris pr. effekt og en målgruppe. Investoren skriver under, hvis "
              "afkast og risiko er acceptable; kommunen skriver under, hvis aftalen består dens "
              "test. Der er kun en aftale, hvor begge skriver under."},
    "deal_target_irr": {"en": "Investor's target return (IRR)", "da": "Investorens krav til afkast (IRR)"},
    "deal_target_irr_help": {
        "en": "The investor signs only if the expected IRR is at least this. Published SIB "
              "return caps range from 2 % to 15 %.",
        "da": "Investoren skriver kun under, hvis den forventede IRR er mindst dette. "
              "Offentliggjorte afkastlofter for sociale investeringer ligger mellem 2 % og 15 %."},
    "deal_max_loss": {"en": "Investor's maximum chance of loss", "da": "Investorens største tabsrisiko"},
    "deal_max_loss_help": {
        "en": "The investor signs only if the chance of getting back less than it put in is at "
              "most this.",
        "da": "Investoren skriver kun under, hvis risikoen for at få mindre tilbage, end den "
              "satte ind, højst er dette."},
    "deal_test": {"en": "Municipality's test", "da": "Kommunens test"},
    "deal_test_net": {"en": "Own budget: net ≥ 0", "da": "Eget budget: netto ≥ 0"},
    "deal_test_wtp": {"en": "Willingness to pay per additional outcome",
                      "da": "Betalingsvilje pr. ekstra effekt"},
    "deal_test_help": {
        "en": "Net ≥ 0 counts only the savings that land in the municipality's own budget. A "
              "willingness to pay per additional outcome takes a wider view of value.",
        "da": "Netto ≥ 0 tæller kun de besparelser, der lander i kommunens eget budget. En "
              "betalingsvilje pr. ekstra effekt tager et bredere syn på værdien."},
    "deal_wtp": {"en": "Willingness to pay (DKK per additional outcome)",
                 "da": "Betalingsvilje (kr. pr. ekstra effekt)"},
    "zone_neither": {"en": "Neither signs", "da": "Ingen skriver under"},
    "zone_investor": {"en": "Only the investor signs", "da": "Kun investoren skriver under"},
    "zone_commissioner": {"en": "Only the municipality signs", "da": "Kun kommunen skriver under"},
    "zone_deal": {"en": "Both sign: a deal", "da": "Begge skriver under: aftale"},
    "chart_deal_title": {"en": "Where a deal exists: price × target group",
                         "da": "Hvor der er en aftale: pris × målgruppe"},
    "chart_price_y": {"en": "Price per outcome, reference group (DKK)",
                      "da": "Pris pr. effekt, referencegruppe (kr.)"},
    "current_scenario": {"en": "current scenario", "da": "nuværende scenarie"},
    "say_deal_here": {"en": "The current scenario lies in the zone: **{zone}**.",
                      "da": "Det nuværende scenarie ligger i zonen: **{zone}**."},
    "say_deal_prices": {
        "en": "For the chosen group (difficulty {d}) a deal exists at prices from **{lo}** to "
              "**{hi}** per outcome.",
        "da": "For den valgte målgruppe (sværhedsgrad {d}) er der en aftale ved priser fra "
              "**{lo}** til **{hi}** pr. effekt."},
    "say_deal_no_price": {
        "en": "For the chosen group (difficulty {d}) no price on the grid satisfies both "
              "parties. Try the municipality's willingness to pay instead of its own budget, a "
              "larger municipal share of the saving (the wrong pocket) or a lower target "
              "return.",
        "da": "For den valgte målgruppe (sværhedsgrad {d}) opfylder ingen pris på gitteret "
              "begge parters krav. Prøv kommunens betalingsvilje i stedet for dens eget "
              "budget, en større kommunal andel af besparelsen (den forkerte lomme) eller et "
              "lavere krav til afkast."},
    "hover_irr": {"en": "expected IRR", "da": "forventet IRR"},
    "hover_loss": {"en": "chance of loss", "da": "risiko for tab"},
    "hover_net": {"en": "municipality net", "da": "kommunens netto"},
    # --- sensitivity --------------------------------------------------------------------
    "sensitivity_intro": {
        "en": "Each bar shows how far the result moves when one assumption is set to a "
              "plausible low or high value while everything else stays put (for example ±20 % "
              "for money and sizes, ±0.1 for probabilities, half and double the evidence).",
        "da": "Hver bjælke viser, hvor meget resultatet flytter sig, når én antagelse sættes "
              "til en plausibel lav eller høj værdi, mens alt andet står stille (for eksempel "
              "±20 % for beløb og størrelser, ±0,1 for sandsynligheder, halv og dobbelt evidens)."},
    "chart_tornado_irr": {"en": "Investor's expected return (now {base})",
                          "da": "Investorens forventede afkast (nu {base})"},
    "chart_tornado_net": {"en": "Municipality's expected net (now {base})",
                          "da": "Kommunens forventede netto (nu {base})"},
    "tornado_low": {"en": "low value", "da": "lav værdi"},
    "tornado_high": {"en": "high value", "da": "høj værdi"},
    "tornado_x_irr": {"en": "Change in expected IRR (percentage points)",
                      "da": "Ændring i forventet IRR (procentpoint)"},
    "tornado_x_net": {"en": "Change in municipality net (DKK million)",
                      "da": "Ændring i kommunens netto (mio. kr.)"},
    # --- method -------------------------------------------------------------------------
    "method_intro": {
        "en": "How the numbers are made. Everything is a simplified, illustrative model of one "
              "outcomes contract between a municipality, an investor and a provider.",
        "da": "Sådan bliver tallene til. Alt er en forenklet, illustrativ model af én "
              "resultatkontrakt mellem en kommune, en investor og en leverandør."},
    "method_equations": {"en": "Equations", "da": "Ligninger"},
    "method_group": {
        "en": "**Target group.** Difficulty d shifts the log-odds of success with and without "
              "the programme by the same amount, so the programme's odds ratio is the same for "
              "every group:",
        "da": "**Målgruppe.** Sværhedsgraden d flytter log-odds for succes med og uden indsatsen "
              "lige meget, så indsatsens odds-ratio er den samme for alle målgrupper:"},
    "method_draws": {
        "en": "**One simulated contract.** Starters n, the programme's true success rate θ "
              "(uncertain: evidence strength κ), outcomes S and additional outcomes A:",
        "da": "**Én simuleret kontrakt.** Startede n, indsatsens sande succesrate θ (usikker: "
              "evidensstyrke κ), effekter S og ekstra effekter A:"},
    "method_payment": {
        "en": "**Payment.** Payable outcomes are every outcome or those above the contract "
              "baseline b; nothing is paid below the threshold; the rate card tilts the price "
              "by difficulty; the cap limits the total:",
        "da": "**Betaling.** Der betales for hver effekt eller for effekter over kontraktens "
              "baseline b; intet betales under tærsklen; prislisten tilpasser prisen efter "
              "sværhedsgrad; loftet begrænser det samlede beløb:"},
    "method_parties": {
        "en": "**Each party.** The investor funds the capital and receives P over the years "
              "after a payment delay (IRR from the yearly flows, money multiple P / capital); "
              "the municipality saves its share of the public saving on additional outcomes; "
              "society saves it all and bears the real cost:",
        "da": "**Hver part.** Investoren finansierer kapitalen og modtager P over årene efter "
              "en forsinkelse (IRR af de årlige strømme, pengemultiplikator P / kapital); "
              "kommunen sparer sin andel af den offentlige besparelse på ekstra effekter; "
              "samfundet sparer det hele og bærer den reelle udgift:"},
    "method_ratios": {
        "en": "**Across futures** cost per additional outcome and deadweight are ratios of "
              "expectations, never averages of per-future ratios:",
        "da": "**På tværs af forløb** er pris pr. ekstra effekt og dødvægt forhold mellem "
              "forventninger, aldrig gennemsnit af forhold pr. forløb:"},
    "method_assumptions": {"en": "Assumptions and limits", "da": "Antagelser og begrænsninger"},
    "method_assumptions_text": {
        "en": "- Costs: fixed costs at the start, delivery costs spread evenly over the "
              "delivery years, outcome payments spread evenly over the same number of years "
              "after the payment delay.\n"
              "- Savings arrive when outcomes are paid for; the municipality's and society's "
              "figures are present values at the discount rate.\n"
              "- The whole cohort succeeds or fails together through θ: this shared "
              "uncertainty about whether the method works is the risk an investor prices.\n"
              "- One outcome per citizen, no partial outcomes, no transaction costs beyond "
              "fixed costs, no taxes; the investor's IRR is before fees.\n"
              "- Simulations use a fixed seed, so the same scenario always shows the same "
              "numbers; small differences between pages come from different simulation sizes.",
        "da": "- Udgifter: faste omkostninger ved start, udgifter til indsatsen jævnt fordelt "
              "over indsatsens år, resultatbetalinger jævnt fordelt over lige så mange år efter "
              "forsinkelsen.\n"
              "- Besparelser kommer, når effekterne betales; kommunens og samfundets tal er "
              "nutidsværdier med diskonteringsrenten.\n"
              "- Hele målgruppen lykkes eller fejler sammen via θ: denne fælles usikkerhed om, "
              "hvorvidt metoden virker, er den risiko, en investor prissætter.\n"
              "- Én effekt pr. borger, ingen delvise effekter, ingen transaktionsomkostninger "
              "ud over de faste, ingen skat; investorens IRR er før gebyrer.\n"
              "- Simuleringerne bruger faste tilfældige tal, så samme scenarie altid viser samme tal; "
              "små forskelle mellem siderne skyldes forskellige simuleringsstørrelser."},
    "method_glossary": {"en": "Glossary", "da": "Ordliste"},
    "glossary_da": {"en": "Danish", "da": "Dansk"},
    "glossary_en": {"en": "English", "da": "Engelsk"},
    "method_presets": {"en": "Presets and their sources", "da": "Eksempler og deres kilder"},
    "method_presets_note": {
        "en": "All presets are illustrative: the contract terms of the Danish pilots are not "
              "public. Sources are given in English.",
        "da": "Alle eksempler er illustrative: kontraktvilkårene i de danske piloter er ikke "
              "offentlige. Kilderne er angivet på engelsk."},
}

#: Label and plain-language help of every scenario input.
FIELD_TEXT: dict[str, dict[str, dict[str, str]]] = {
    "cohort_size": {
        "label": {"en": "Cohort size", "da": "Antal borgere"},
        "help": {"en": "How many citizens the municipality plans to refer to the programme.",
                 "da": "Hvor mange borgere kommunen planlægger at visitere til indsatsen."}},
    "success_probability": {
        "label": {"en": "Success probability", "da": "Succesrate"},
        "help": {"en": "Chance that a citizen of the reference group (difficulty 0.5) reaches "
                       "the outcome with the programme.",
                 "da": "Sandsynligheden for, at en borger i referencegruppen (sværhedsgrad 0,5) "
                       "opnår effekten med indsatsen."}},
    "difficulty": {
        "label": {"en": "Target-group difficulty", "da": "Målgruppens sværhedsgrad"},
        "help": {"en": "0 = citizens closest to the goal (e.g. the labour market), 1 = furthest "
                       "from it. Harder groups succeed less often, but more of their successes "
                       "are truly thanks to the programme.",
                 "da": "0 = borgere tættest på målet (fx arbejdsmarkedet), 1 = længst fra. "
                       "Sværere målgrupper lykkes sjældnere, men flere af deres succeser "
                       "skyldes virkelig indsatsen."}},
    "referral_rate": {
        "label": {"en": "Referral rate", "da": "Visitationsgrad"},
        "help": {"en": "Share of the planned citizens who actually start. Below 100 % is a "
                       "referral shortfall, as in the Ballerup pilot where only 6 of 10 had "
                       "started at half-time.",
                 "da": "Andel af de planlagte borgere, der faktisk starter. Under 100 % betyder "
                       "for få visiteret, som i Ballerup-piloten, hvor kun 6 af 10 var startet "
                       "midtvejs."}},
    "counterfactual_probability": {
        "label": {"en": "Success without the programme", "da": "Succes uden indsatsen"},
        "help": {"en": "Chance that a citizen of the reference group reaches the outcome "
                       "anyway. Outcomes like these are deadweight: paid for, but not caused "
                       "by the programme.",
                 "da": "Sandsynligheden for, at en borger i referencegruppen opnår effekten "
                       "alligevel. Sådanne effekter er dødvægt: betalt, men ikke skabt af "
                       "indsatsen."}},
    "difficulty_slope": {
        "label": {"en": "How much difficulty matters", "da": "Hvor meget sværhedsgraden betyder"},
        "help": {"en": "How steeply success falls as the target group gets harder (in log-odds "
                       "per unit of difficulty). 0 = all groups are alike.",
                 "da": "Hvor stejlt succesraten falder, når målgruppen bliver sværere (i "
                       "log-odds pr. enhed sværhedsgrad). 0 = alle målgrupper er ens."}},
    "evidence_strength": {
        "label": {"en": "Strength of evidence", "da": "Evidensens styrke"},
        "help": {"en": "How sure we are of the success rate, like the number of earlier "
                       "participants seen. Weak evidence means the whole cohort may do much "
                       "better or worse than expected — the investor's main risk.",
                 "da": "Hvor sikre vi er på succesraten, svarende til antallet af tidligere "
                       "deltagere. Svag evidens betyder, at hele målgruppen kan klare sig meget "
                       "bedre eller dårligere end ventet – investorens største risiko."}},
    "duration_years": {
        "label": {"en": "Years of delivery", "da": "Indsatsens varighed (år)"},
        "help": {"en": "How many years the programme runs.",
                 "da": "Hvor mange år indsatsen kører."}},
    "payment_lag_years": {
        "label": {"en": "Payment delay (years)", "da": "Forsinkelse på betaling (år)"},
        "help": {"en": "Years between delivering the programme and being paid for its "
                       "outcomes (they have to be measured first). Longer delays lower the "
                       "investor's yearly return.",
                 "da": "År mellem indsatsen og betalingen for effekterne (de skal måles først). "
                       "Længere forsinkelse giver investoren lavere årligt afkast."}},
    "price_per_outcome": {
        "label": {"en": "Price per outcome (DKK)", "da": "Pris pr. effekt (kr.)"},
        "help": {"en": "What the municipality pays for each outcome it pays for (for the "
                       "reference group; the difficulty premium can tilt it).",
                 "da": "Hvad kommunen betaler for hver effekt, der udløser betaling (for "
                       "referencegruppen; tillægget for sværhedsgrad kan justere den)."}},
    "difficulty_premium": {
        "label": {"en": "Difficulty premium", "da": "Tillæg for sværhedsgrad"},
        "help": {"en": "A rate card that pays more for harder citizens and less for easier "
                       "ones: price × (1 + premium × (difficulty − 0.5)). 0 = one price for "
                       "all.",
                 "da": "En prisliste, der betaler mere for sværere borgere og mindre for "
                       "lettere: pris × (1 + tillæg × (sværhedsgrad − 0,5)). 0 = én pris for "
                       "alle."}},
    "payment_basis": {
        "label": {"en": "What is paid for", "da": "Hvad der betales for"},
        "help": {"en": "Every outcome, or only outcomes above a baseline (the outcomes that "
                       "would have happened anyway are then not paid for).",
                 "da": "Hver effekt, eller kun effekter over en baseline (de effekter, der "
                       "ville være sket alligevel, betales så ikke)."}},
    "contract_baseline": {
        "label": {"en": "Contract baseline", "da": "Baseline i kontrakten"},
        "help": {"en": "The success rate without the programme as written in the contract. "
                       "Used only when paying for outcomes above the baseline.",
                 "da": "Succesraten uden indsatsen, som den står i kontrakten. Bruges kun, når "
                       "der betales for effekter over baseline."}},
    "success_threshold": {
        "label": {"en": "Payment threshold", "da": "Tærskel for betaling"},
        "help": {"en": "Nothing is paid unless the achieved success rate reaches this level.",
                 "da": "Der betales intet, medmindre den opnåede succesrate når dette niveau."}},
    "payment_cap": {
        "label": {"en": "Payment cap (DKK)", "da": "Loft over betaling (kr.)"},
        "help": {"en": "The most the municipality will ever pay in total.",
                 "da": "Det mest, kommunen nogensinde betaler i alt."}},
    "delivery_cost_per_participant": {
        "label": {"en": "Delivery cost per citizen (DKK)", "da": "Udgift pr. borger (kr.)"},
        "help": {"en": "What the provider spends on each citizen who starts.",
                 "da": "Hvad leverandøren bruger på hver borger, der starter."}},
    "fixed_costs": {
        "label": {"en": "Fixed costs (DKK)", "da": "Faste omkostninger (kr.)"},
        "help": {"en": "Set-up, management and evaluation, paid at the start.",
                 "da": "Opstart, ledelse og evaluering, betalt ved start."}},
    "public_savings_per_outcome": {
        "label": {"en": "Public saving per additional outcome (DKK)",
                  "da": "Offentlig besparelse pr. ekstra effekt (kr.)"},
        "help": {"en": "What all public budgets save when one more citizen reaches the outcome "
                       "(e.g. cash benefit not paid: about 148,000 DKK a year in 2024).",
                 "da": "Hvad alle offentlige budgetter sparer, når én borger mere opnår "
                       "effekten (fx sparet kontanthjælp: ca. 148.000 kr. om året i 2024)."}},
    "municipal_share_of_savings": {
        "label": {"en": "Municipality's share of the saving", "da": "Kommunens andel af besparelsen"},
        "help": {"en": "Share of the public saving that lands in the municipality's own budget; "
                       "the rest lands in the 'wrong pocket' (state or region).",
                 "da": "Andel af den offentlige besparelse, der lander i kommunens eget budget; "
                       "resten lander i den 'forkerte lomme' (stat eller region)."}},
    "discount_rate": {
        "label": {"en": "Discount rate", "da": "Diskonteringsrente"},
        "help": {"en": "Yearly rate used to compare money now and later for the municipality "
                       "and society.",
                 "da": "Årlig rente, der bruges til at sammenligne penge nu og senere for "
                       "kommunen og samfundet."}},
    "provider_fee_at_risk": {
        "label": {"en": "Provider's own money at risk", "da": "Leverandørens egen risiko"},
        "help": {"en": "Share of the delivery costs the provider pays itself and gets back only "
                       "from outcome payments. 0 = the provider carries no financial risk.",
                 "da": "Andel af udgifterne til indsatsen, som leverandøren selv betaler og kun "
                       "får igen via resultatbetalinger. 0 = leverandøren bærer ingen "
                       "økonomisk risiko."}},
}

#: Danish ↔ English domain words (DESIGN.md).
GLOSSARY: tuple[tuple[str, str], ...] = (
    ("social investering / socialt investeringspartnerskab", "social impact bond (SIB)"),
    ("kommune, udbyder", "commissioner (municipality)"),
    ("leverandør, socialøkonomisk virksomhed", "provider, social-economy enterprise"),
    ("investor", "investor"),
    ("resultatkontrakt", "outcomes contract"),
    ("målgruppe", "target group"),
    ("borger", "citizen, participant"),
    ("effekt", "outcome, impact"),
    ("at skumme fløden", "creaming"),
    ("dødvægt", "deadweight"),
    ("tærskel", "threshold"),
    ("loft", "cap"),
    ("afkast", "return"),
    ("tab", "loss"),
    ("besparelse", "saving"),
    ("kontanthjælp", "cash benefit"),
    ("metodefrihed", "freedom of method"),
    ("forventningsafstemning", "aligning expectations"),
    ("intern rente (IRR): det årlige afkast, hvor pengene ind og ud går lige op",
     "internal rate of return (IRR): the yearly return at which money in and out break even"),
    ("penge tilbage pr. indskudt krone (MOIC)", "money multiple (MOIC): money back per krone in"),
    ("baseline: succesraten uden indsatsen, som kontrakten regner med",
     "baseline: the success rate without the programme that the contract assumes"),
    ("kontrafaktisk: det, der ville være sket uden indsatsen",
     "counterfactual: what would have happened without the programme"),
    ("nutidsværdi: fremtidige beløb omregnet til kroner i dag",
     "present value: future amounts in today's kroner"),
)

#: The same words per language (``TRANSLATIONS["da"]["label_cohort_size"]``), for tools and
#: tests that want one language's whole vocabulary.
TRANSLATIONS: dict[str, dict[str, str]] = {
    lang: {**{key: texts[lang] for key, texts in TEXT.items()},
           **{f"{part}_{field}": texts[part][lang] for field, texts in FIELD_TEXT.items()
              for part in ("label", "help")}}
    for lang in LANGUAGES
}


class Translator:
    """Looks text up in the tables for one language and formats numbers for it.

    ``t("key", name=value)`` fills a sentence's fields; ``t.fmt`` is the matching
    :class:`~ui.formatting.NumberFormat`. Unknown languages fall back to English.
    """

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang if lang in LANGUAGES else "en"
        self.fmt = NumberFormat(self.lang)

    def __call__(self, key: str, /, **values: object) -> str:
        text = TEXT[key][self.lang]
        return text.format(**values) if values else text

    def label(self, field: str) -> str:
        return FIELD_TEXT[field]["label"][self.lang]

    def help(self, field: str) -> str:
        return FIELD_TEXT[field]["help"][self.lang]

    def preset_title(self, key: str) -> str:
        if key not in PRESET_DETAILS:
            return self("preset_custom")
        return PRESET_DETAILS[key].title[self.lang]

    def preset_story(self, key: str) -> str:
        return PRESET_DETAILS[key].story[self.lang] if key in PRESET_DETAILS else ""
