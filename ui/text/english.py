"""The English source of every text the dashboard shows: the one place where English is edited.

Each text has a stable key (what the code passes to ``t("key")``). ``make i18n-extract`` turns
this module, plus the preset titles, stories and sources of :data:`sib_model.PRESET_DETAILS`
(whose English lives next to each preset's numbers, since the model's command line prints the
titles too), into the template ``ui/text/locale/messages.pot``; ``make i18n-update`` merges the
template into the Danish catalog ``ui/text/locale/da/LC_MESSAGES/messages.po``, where the
Danish is edited. See :mod:`ui.text.catalog` for the key scheme.

Sentences use ``str.format`` fields (``{share}``); the Danish must use the same fields.
"""

from __future__ import annotations

from sib_model import Scenario

__all__ = ["FIELD_HELP", "FIELD_LABELS", "GLOSSARY", "NOTES", "RESULT_LABELS", "TEXT"]

#: Labels, sentences and titles, by key.
TEXT: dict[str, str] = {
    # --- app and navigation -------------------------------------------------------------
    "page_start": "Start",
    "page_story": "Guided story",
    "page_explorer": "Explorer",
    "page_creaming": "Creaming",
    "page_deal_space": "Deal space",
    "page_sensitivity": "Sensitivity",
    "page_method": "Method",
    "page_compare": "Compare",
    "page_share": "Share and save",
    "illustrative": (
        "Illustrative model: the numbers show how a social impact bond works, not what a real "
        "contract will pay."
    ),
    # --- start page -----------------------------------------------------------------------
    "start_title": "Social impact bonds: understand them before you sign",
    "start_intro": (
        "In a **social impact bond** (a *social investering*) the municipality pays for results "
        "instead of activities: a price for each citizen who reaches an agreed outcome — a job, "
        "an education — and only if it happens. An investor pays for the work up front and "
        "carries the risk; the provider gets freedom of method. This dashboard shows what each "
        "party gets, and why they pull in different directions. Take the guided story (about "
        "ten minutes) or open the explorer and move the sliders yourself."
    ),
    "start_story": "Start the guided story",
    "start_explorer": "Open the explorer",
    "start_parties_title": "The three parties",
    "start_party_commissioner": (
        "**The municipality** (*kommune*) wants the outcome and signs the outcomes contract. It "
        "pays only for results, and hopes to save on benefits — but part of the saving lands in "
        "the state's or the region's budget."
    ),
    "start_party_investor": (
        "**The investor** funds the provider's work up front. It earns a return when the "
        "programme works and loses capital when it does not, so it asks for a return that "
        "matches the risk."
    ),
    "start_party_provider": (
        "**The provider** (*leverandør*, often a social-economy enterprise) does the work with "
        "freedom of method. Usually it carries no money at risk; its stake is its reputation."
    ),
    "start_sliders_title": "The three big questions (the sliders on the left)",
    "start_sliders_title_phone": "The three big questions (the sliders at the top)",
    "start_slider_cohort_size": (
        "How many citizens the contract is for. Few citizens means a wide spread of results: "
        "the whole group may do well or badly together."
    ),
    "start_slider_success_probability": (
        "How likely a citizen of the reference group is to reach the outcome with the "
        "programme — how well the method works."
    ),
    "start_slider_difficulty": (
        "How far the target group is from the outcome: 0 closest, 1 furthest. Citizens further "
        "from the goal succeed less often, but more of their successes are truly additional."
    ),
    # --- guided story ---------------------------------------------------------------------
    "story_progress": "Step {step} of {steps}",
    "story_back": "Back",
    "story_next": "Next",
    "story_keep_exploring": "Keep exploring",
    "story_finish": "On to the Explorer",
    "story_again": "From step 1",
    "story_leave_note": (
        "Each step puts its scenario into the sliders. Move them at any time — the chart and "
        "the numbers follow — or keep exploring from here in the Explorer."
    ),
    "story_investor_title": "1. The investor's view",
    "story_investor_notice": (
        "The investor puts up {capital} for a cohort of {n} citizens; in a typical future (the "
        "median) its internal rate of return is {irr}. The bars are the possible futures: in one "
        "in ten the return is below {p10}, in one in ten above {p90}, and in {loss} of them the "
        "investor loses money. A small cohort succeeds or fails together — that is the risk it "
        "prices."
    ),
    "story_municipality_title": "2. The municipality's view",
    "story_municipality_notice": (
        "The municipality expects to pay {payment} (present value) and to save {saving} in its "
        "own budget: a net result of {net}. Funding the same programme directly would give "
        "{direct}. The difference is the price of passing the risk to an investor."
    ),
    "story_deadweight_title": "3. Deadweight: paying for what would have happened anyway",
    "story_deadweight_notice": (
        "Here {without} of the target group would reach the outcome without the programme. "
        "The contract pays {price} for each of {outcomes} expected outcomes, but only "
        "{additional} are additional: {deadweight} of what is paid for is deadweight, and each "
        "additional outcome costs {cost}."
    ),
    "story_creaming_title": "4. Creaming: who gets chosen",
    "story_creaming_notice": (
        "The target group is now an easy one (difficulty {d}). Easy groups give the investor a "
        "high return ({irr} in a typical future here), but {deadweight} of their outcomes would "
        "have happened anyway, so each additional outcome costs the municipality {cost}. The curve "
        "shows where each party would put the target group."
    ),
    "story_parking_title": "5. Parking inside the contract",
    "story_parking_notice": (
        "The cohort is now mixed (spread {spread} around the group's difficulty). Once the "
        "contract is signed, the provider can spend its effort on those closest to the goal "
        "and leave the others aside. The chart shows each party's result as a larger share of "
        "the hardest citizens is parked."
    ),
    "story_wrong_pocket_title": "6. The wrong pocket",
    "story_wrong_pocket_notice": (
        "The programme saves the public purse {public}, but only {share} of each saving "
        "lands in the municipality's own budget: {saving}. The rest lands in the wrong "
        "pockets: {state} with the state and {region} with the region. Against a payment "
        "of {payment} the municipality's net result is {net}, while society as a whole "
        "gains {society}."
    ),
    "story_rate_card_title": "7. Lever: a rate card",
    "story_rate_card_notice": (
        "A rate card pays more for citizens further from the goal and less for those close to it. "
        "At difficulty {d} the price is {price} per outcome, and the investor's typical (median) "
        "return is {irr}. See how the investor's preferred group moves towards harder groups."
    ),
    "story_baseline_title": "8. Lever: pay only above a baseline",
    "story_baseline_notice": (
        "The contract now pays only for outcomes above what would have happened anyway "
        "({without}). Of {outcomes} expected outcomes, {payable} are paid for, and each additional "
        "outcome costs the municipality {cost}. The investor's typical (median) return is {irr}."
    ),
    "story_threshold_title": "9. Lever: a threshold",
    "story_threshold_notice": (
        "Nothing is paid unless at least {threshold} of the starters reach the outcome; that "
        "happens in {met} of the futures. The payoff picture gets a step: the investor now "
        "loses money in {loss} of the futures."
    ),
    "story_cap_title": "10. Lever: a cap",
    "story_cap_notice": (
        "Payments are capped at {cap} in total; the cap bites in {capped} of the futures. The "
        "municipality knows its largest bill, and the investor gives up the best outcomes: its "
        "typical (median) return is {irr}."
    ),
    "story_guarantee_title": "11. Lever: a guarantee",
    "story_guarantee_notice": (
        "A guarantor (a foundation, say) covers {share} of the capital if the programme "
        "fails. The investor's chance of a loss falls from {unguaranteed} to {loss}, at an "
        "expected cost to the guarantor of {guarantor}."
    ),
    # --- facilitator's guide ------------------------------------------------------------
    # Fields that are text keys ({page_explorer}, {pin_baseline}) are filled with those texts
    # by ui.words.guide.guide_text, so the guide names pages and buttons as the app does.
    "page_guide": "Facilitator's guide",
    "guide_intro": (
        "Two ready-made workshop plans, 60 and 90 minutes, that use **{page_story}**, "
        "**{page_explorer}**, **{page_creaming}**, **{page_compare}** and **{page_game}**. For "
        "each block: what to show, what to ask the room, the misreadings to watch for, and how "
        "to hand over to the next block. The buttons open the page in this tab with the block's "
        "example or story step in the sliders; the game opens in a tab of its own."
    ),
    "guide_plan": "Plan",
    "guide_plan_option": "{minutes} minutes",
    "guide_print_hint": (
        "To print, use the browser's Print (Ctrl+P, or ⌘P on a Mac): the sidebar, the buttons "
        "and the downloads are left out, and each block is kept together on a page."
    ),
    "guide_download_pdf": "Download the plan (PDF)",
    "guide_download_md": "Download the plan (Markdown)",
    "guide_download_md_help": (
        "Plain text with links, to paste into a document or an intranet page."
    ),
    "guide_links_title": "Links",
    "guide_prep_title": "Before the workshop",
    "guide_prep_address": (
        "**An address for phones.** Run the dashboard at an address the phones in the room can "
        "reach (the network address, not localhost), and open {address} on your own phone over "
        "the venue's Wi-Fi before anyone arrives. **{page_share}** shows the link as a QR code "
        "that can be scanned from the back row."
    ),
    "guide_prep_language": (
        "**Language.** Choose the room's language under **{language}** before you share "
        "anything: links and QR codes carry it."
    ),
    "guide_prep_present": (
        "**The projector.** Turn on **{present_mode}** in the sidebar, or open {present_link}: "
        "large type and one chart per page. Try it on the projector itself, in full screen "
        "(F11), so the address bar is out of sight."
    ),
    "guide_prep_game_tab": (
        "**The game in a tab of its own.** The facilitator's screen of a game room lives in its "
        "tab's address: going to another page in that tab leaves the room. The guide's game "
        "button opens a new tab with the scenario on screen; bookmark that tab's address once "
        "the room is started, and drive the rest of the workshop from another tab."
    ),
    "guide_prep_rooms": (
        "**Rooms for the game.** One room per table of three or four groups "
        "(**{game_role_municipality}**, **{game_role_investor}**, **{game_role_provider}** and, "
        "if you like, **{game_role_state}**), each group with a laptop or a phone. A room plays "
        "the scenario the sliders hold when it is started, so set them first. One tab starts at "
        "most {rooms} rooms in {window} minutes: for more tables, start the rooms in good time. "
        "Ask the groups not to type real people's names: a room stays on the server until it "
        "has been idle for {hours} hours."
    ),
    "guide_prep_save": (
        "**A way back.** Once the baseline and the pinned scenarios are set, save the workshop "
        "with **{share_save}** on **{page_share}**: if the browser crashes, loading the file "
        "brings it all back."
    ),
    "guide_prep_print": (
        "**On paper.** Print this plan for yourself, and for the participants the one-page "
        "handout (**{export_pdf}** on **{page_share}**)."
    ),
    "guide_show": "Show",
    "guide_ask": "Ask the room",
    "guide_watch": "Watch for",
    "guide_next": "Handover",
    "guide_block_heading": "{start}–{end} min · {title}",
    "guide_link": "{page}: {what}",
    "guide_link_new_tab": "{page} (new tab)",
    "guide_plan_60_title": "60 minutes: the short workshop",
    "guide_plan_60_intro": (
        "For a slot on a meeting's agenda or a conference session with up to about 30 people: "
        "the story sets the scene, the room takes the sliders, and one game room plays two "
        "quick rounds."
    ),
    "guide_plan_90_title": "90 minutes: the full workshop",
    "guide_plan_90_intro": (
        "For a workshop after which people should be able to discuss a real contract: more "
        "time for creaming and the contract's levers, and a game of three rounds with the state "
        "at the table."
    ),
    # Blocks: title, what to show, handover.
    "guide_welcome_title": "Welcome: three parties, three questions",
    "guide_welcome_show": (
        "Open **{page_start}** and introduce the three parties and the three big questions "
        "behind the sliders. Then switch to **{page_share}** and leave the QR code on the "
        "screen for a minute, so everyone can follow on their phone."
    ),
    "guide_welcome_next": (
        "Say: “Let's follow one contract, from the investor's money to the municipality's "
        "saving.” Start **{page_story}**."
    ),
    "guide_story_title": "The guided story, steps 1–6",
    "guide_story_show": (
        "Open **{page_story}** at **{story_investor_title}** and click **{story_next}** through "
        "to **{story_wrong_pocket_title}**, about two minutes a step. Let the room read the "
        "sentence under the chart before you explain it. Keep the steps from 7 on (the "
        "contract's levers) for later: the groups get the same levers in the game."
    ),
    "guide_story_next": (
        "Say: “Now you decide what happens.” Open **{page_explorer}** with an example close to "
        "a real case."
    ),
    "guide_explorer_title": "Explorer: the room takes the sliders",
    "guide_explorer_show": (
        "Open **{page_explorer}** with **{preset_title_aalborg}** (the **{preset}** box in the "
        "sidebar) and click **{pin_baseline}**: the starting point stays in grey behind every "
        "chart. Let the room call out moves: halve **{label_cohort_size}**, lower "
        "**{label_success_probability}**, move **{label_difficulty}**. End on the tab "
        "**{explorer_tab_money}**; with **{present_mode}** on, **{page_explorer}** shows only "
        "the return chart, so switch it off for the tabs."
    ),
    "guide_explorer_next": (
        "Say: “The investor has a favourite target group. Is it the one the municipality "
        "needs?” Open **{page_creaming}**."
    ),
    "guide_creaming_title": "Creaming and parking",
    "guide_creaming_show": (
        "Open **{page_creaming}**. The tab **{creaming_tab_group}** shows which target group "
        "each party would choose. Then set **{label_difficulty_spread}** (under **{advanced}** "
        "in the sidebar) to 0.3 and open **{creaming_tab_parking}**: once the contract is "
        "signed, the provider can leave the hardest citizens of a mixed group aside."
    ),
    "guide_creaming_next": (
        "Say: “We now have several possible contracts. Let's put them side by side.” Open "
        "**{page_compare}**."
    ),
    "guide_creaming_levers_title": "Creaming, parking and the contract's levers",
    "guide_creaming_levers_show": (
        "Open **{page_creaming}**. The tab **{creaming_tab_group}** shows which target group "
        "each party would choose. Set **{label_difficulty_spread}** (under **{advanced}** in "
        "the sidebar) to 0.3 and open **{creaming_tab_parking}**: inside a signed contract the "
        "provider can leave the hardest citizens aside. End on **{creaming_tab_levers}**: a rate "
        "card that pays more for harder citizens, and paying only above a baseline, against the "
        "contract as it stands."
    ),
    "guide_creaming_levers_next": (
        "Say: “Let's keep the contracts worth keeping: an easy group, a hard group, and a hard "
        "group with a rate card.” Open **{page_compare}**."
    ),
    "guide_compare_title": "Compare: the contracts side by side",
    "guide_compare_show": (
        "Open **{page_compare}** and pin three scenarios with **{compare_pin}**, each with a "
        "name: an easy group (**{label_difficulty}** at 0.2), a hard group (0.8) and the "
        "example **{preset_title_rate_card}**. The sidebar's sliders work on this page too, and "
        "**{compare_load}** puts a pinned scenario back into them."
    ),
    "guide_compare_next": (
        "Say: “Now you negotiate one of these yourselves.” Put the scenario to be played into "
        "the sliders and open **{page_game}**."
    ),
    "guide_game_short_title": "Negotiation game: two quick rounds",
    "guide_game_short_show": (
        "With the scenario to be played in the sliders, open **{page_game}** and click "
        "**{game_start}**. Split the room into three groups, **{game_role_municipality}**, "
        "**{game_role_investor}** and **{game_role_provider}**. Under **{game_links}**, show "
        "each group its own QR code on your screen (not on the projector), or give it its join "
        "code to type on the game page. Click **{game_open_round}**, give the groups five "
        "minutes to propose and accept, then **{game_close_round}**. Play two rounds."
    ),
    "guide_game_short_next": (
        "Close the last round and keep the room's screen open for the debrief."
    ),
    "guide_game_setup_title": "The game: groups, links and red lines",
    "guide_game_setup_show": (
        "With the scenario to be played in the sliders, open **{page_game}** and click "
        "**{game_start}**. Form three or four groups: **{game_role_municipality}**, "
        "**{game_role_investor}**, **{game_role_provider}** and, to give the wrong pocket a "
        "seat, **{game_role_state}**. Under **{game_links}**, show each group its own QR code "
        "on your screen (not on the projector), or give it its join code. Set "
        "the red lines under **{game_red_lines}** before the first round: they are each "
        "group's goal."
    ),
    "guide_game_setup_next": "Say: “Round one is open: you have six minutes.”",
    "guide_game_rounds_title": "The game: three rounds",
    "guide_game_rounds_show": (
        "Three rounds of about six minutes: **{game_open_round}**, let the groups propose and "
        "accept, **{game_close_round}**. A deal is signed when a round closes with the "
        "municipality, the investor and the provider all accepting what is on the table. "
        "Between rounds, read out from **{game_who_signs}** and show **{game_deal_zone}** at "
        "the bottom of your screen; you may change the red lines between rounds too."
    ),
    "guide_game_rounds_next": (
        "Close the last round and keep the room's screen open for the debrief."
    ),
    "guide_debrief_title": "Debrief",
    "guide_debrief_show": (
        "On the room's screen, **{game_debrief}** appears once a deal is signed (without a "
        "deal, **{game_who_signs}** says why not). Then go back to "
        "**{page_compare}** and close on what the room takes home. Share the link or the "
        "one-page handout from **{page_share}**, so people can carry on at their desks."
    ),
    "guide_debrief_next": (
        "Thank the room, and save the workshop on **{page_share}** if you will pick it up again."
    ),
    # Questions to ask the room.
    "guide_ask_who_in_room": (
        "Who here would sit in the municipality's chair, the investor's or the provider's, and "
        "what would worry you most in that chair?"
    ),
    "guide_ask_pay_for_results": (
        "What would “a result” be in your own field: a job, an education, no new offence? Who "
        "would count it?"
    ),
    "guide_ask_would_you_invest": (
        "Step 1: would you put your organisation's money into this? How big a chance of a loss "
        "would you accept?"
    ),
    "guide_ask_why_dearer": (
        "Step 2: the SIB can cost the municipality more than buying the programme itself. What "
        "does it get for the difference?"
    ),
    "guide_ask_who_anyway": (
        "Step 3: how many of these citizens would have reached the goal anyway, and how would "
        "you find out in your own municipality?"
    ),
    "guide_ask_whose_pocket": (
        "Step 6: the saving lands in several budgets. Who should pay, then, and who should sit "
        "at the table?"
    ),
    "guide_ask_cohort_halved": (
        "What happens to the investor's chance of a loss if only half the citizens are "
        "referred? (In Ballerup, 6 of 10 had started at half-time.)"
    ),
    "guide_ask_council_number": (
        "Which number at the top would your council look at first, and which should it look at?"
    ),
    "guide_ask_method_weaker": (
        "If the method works a little less well than hoped, who feels it first: the investor, "
        "the municipality or the provider?"
    ),
    "guide_ask_which_group": (
        "Which target group would the investor choose, and which the municipality? Why are they "
        "not the same?"
    ),
    "guide_ask_stop_parking": (
        "Once the contract is signed, what stops the provider from parking the hardest "
        "citizens? What would you write into the contract?"
    ),
    "guide_ask_lever_cost": (
        "Which lever would you pull first, and what does it cost the investor and the municipality?"
    ),
    "guide_ask_sign_which": (
        "Which of these would you sign as the municipality? As the investor? Is there one both "
        "would sign?"
    ),
    "guide_ask_what_differs": (
        "In **{compare_inputs}**: which single change made the biggest difference, and to whom?"
    ),
    "guide_ask_red_line_blocked": (
        "Which red line stopped the deal in this round, and who could move?"
    ),
    "guide_ask_gave_up": "What did your group give up to get a signature, and was it worth it?",
    "guide_ask_state_seat": (
        "The state has a seat at the table: what would it want in return for its share of the "
        "saving?"
    ),
    "guide_ask_red_lines_real": (
        "Are these red lines realistic for your organisation? Where would yours be?"
    ),
    "guide_ask_which_term": (
        "Which term unlocked the deal: the price, the target group, a threshold, a cap or a "
        "guarantee?"
    ),
    "guide_ask_sign_for_real": (
        "Would you sign a contract like this in your municipality? What would you need to know "
        "first?"
    ),
    "guide_ask_counterfactual": (
        "How would you know what would have happened without the programme? Who keeps that "
        "baseline, and from when?"
    ),
    "guide_ask_take_home": "What is the one thing you take back to your own department?",
    # Misreadings to watch for.
    "guide_watch_provider_risk": (
        "Many assume the provider carries the money risk. Usually it does not: the investor "
        "funds the work and takes the loss; the provider stakes its reputation and gets freedom "
        "of method."
    ),
    "guide_watch_phones": (
        "Phones that cannot open the link: the address is probably localhost, or on a network "
        "the guests are not on. Keep the link on a slide as a fallback."
    ),
    "guide_watch_risk": (
        "The investor's risk: the typical return is not a promise. A small cohort succeeds or "
        "fails together, so point to the share of futures with a loss, not only the median."
    ),
    "guide_watch_deadweight": (
        "Deadweight: outcomes are not additional outcomes. The contract also pays for citizens "
        "who would have succeeded anyway, so a low price per outcome can be a high price per "
        "additional outcome."
    ),
    "guide_watch_present_value": (
        "Present value: the municipality's figures are in today's kroner, so a payment three "
        "years from now counts for less than its face value. A contract's own sums are nominal "
        "and look bigger; do not compare the two directly."
    ),
    "guide_watch_baseline_ghost": (
        "The grey dashed shapes are the baseline you pinned, not a second forecast; the small "
        "figures under the headline numbers are the change from it."
    ),
    "guide_watch_wrong_pocket": (
        "The wrong pocket: a negative net for the municipality does not mean society loses. "
        "Much of the saving lands in the state's and the region's budgets; the tab "
        "**{explorer_tab_money}** shows where."
    ),
    "guide_watch_creaming": (
        "Creaming: “the investor is greedy” is the wrong lesson. The contract rewards the easy "
        "group, where many would have succeeded anyway. Ask what would make the hard group "
        "worth it."
    ),
    "guide_watch_parking": (
        "Parking needs a mixed group: with every citizen alike the tab says there is nothing "
        "to park, which is not an error. Paying more for harder citizens does not stop parking "
        "while every outcome is paid; paying only above a baseline does."
    ),
    "guide_watch_same_numbers": (
        "Every number here is the one **{page_explorer}** shows for the same scenario. If two "
        "figures seem to disagree, two different scenarios are on screen: look at "
        "**{compare_inputs}**."
    ),
    "guide_watch_room_scenario": (
        "The room plays the scenario the sliders held when it was started. Moving the sliders "
        "afterwards changes the rest of the dashboard, not the room."
    ),
    "guide_watch_private_links": (
        "Each group's link shows only its own red lines: show a group its QR code on your own "
        "screen, never on the projector, and keep your own address out of sight, since it "
        "opens the facilitator's screen."
    ),
    "guide_watch_no_deal": (
        "No deal is a result, not a failure: **{game_deal_zone}** may simply be empty. Ask "
        "which red line was in the way and who could move: the state, a guarantor, another "
        "target group."
    ),
    "guide_watch_citizens": (
        "Groups play to their red lines, not to the citizens. Ask now and then how many "
        "citizens are actually helped under the proposal on the table, and which ones."
    ),
    "guide_watch_illustrative": (
        "People leave with the numbers. The model is illustrative: what should stay is the "
        "tensions (who gets chosen, who carries the risk, whose budget saves)."
    ),
    # --- sidebar ------------------------------------------------------------------------
    "language": "Language / Sprog",
    "preset": "Preset",
    "preset_help": (
        "Start from an illustrative case. Contract terms of the Danish pilots are not public, so "
        "prices and costs are plausible values, not the real contracts."
    ),
    "preset_custom": "— your own scenario —",
    "headline_inputs": "The three big questions",
    "group_caption": (
        "Chosen group: **{p}** succeed with the programme, **{c}** would succeed anyway (p(d) "
        "and c(d); the reference group at difficulty 0.5 has {p0} and {c0})."
    ),
    "advanced": "Advanced",
    "present_mode": "Presenter mode",
    "present_mode_help": (
        "For a projector: large type, bigger slider steps, every page cut down to one big "
        "chart under its key sentence (buttons switch between a page's charts), colours "
        "that colour-blind viewers tell apart. The link keeps it on (present=1)."
    ),
    "present_view": "Chart",
    "present_view_group": "Target group",
    "present_view_parking": "Parking",
    "present_view_levers": "Contract levers",
    "present_view_irr": "Investor's return",
    "present_view_net": "Municipality's net",
    "present_view_cash": "Municipality year by year",
    "present_best": (
        "Best for the investor: **{investor}**; for the municipality: **{municipality}**."
    ),
    "present_levers": (
        "A rate card paid above the baseline moves the investor's best group from "
        "**{before}** to **{after}**."
    ),
    "present_swing_irr": (
        "**{name}** moves the investor's expected return most: between {low} and {high}."
    ),
    "present_swing_net": (
        "**{name}** moves the municipality's expected net most: between {low} and {high}."
    ),
    "present_compare": (
        "Highest typical (median) return: **{irr_name}** ({irr}); best net for the municipality: "
        "**{net_name}** ({net})."
    ),
    "story_investor_key": (
        "In a typical future the investor earns {irr} a year; it loses money in {loss} of the "
        "futures."
    ),
    "story_municipality_key": (
        "The municipality's expected net is {net}; funding the programme directly would "
        "give {direct}."
    ),
    "story_deadweight_key": (
        "{deadweight} of what is paid for is deadweight; each additional outcome costs {cost}."
    ),
    "story_creaming_key": (
        "At difficulty {d} the investor typically earns {irr}, and each additional outcome costs "
        "{cost}."
    ),
    "story_parking_key": (
        "Once the contract is signed, the provider can leave the citizens furthest from "
        "the goal aside."
    ),
    "story_wrong_pocket_key": (
        "Only {share} of the saving lands in the municipality's budget: its net result is {net}."
    ),
    "story_rate_card_key": (
        "With a rate card the investor typically earns {irr} at difficulty {d}."
    ),
    "story_baseline_key": (
        "Only {payable} of {outcomes} expected outcomes are paid for; each additional one "
        "costs {cost}."
    ),
    "story_threshold_key": (
        "The threshold of {threshold} is met in {met} of the futures; the investor loses "
        "money in {loss}."
    ),
    "story_cap_key": (
        "The cap of {cap} bites in {capped} of the futures; the investor typically earns {irr}."
    ),
    "story_guarantee_key": (
        "The guarantee cuts the investor's chance of a loss from {unguaranteed} to {loss}."
    ),
    "difficulty_close": "close to the goal",
    "difficulty_far": "far from the goal",
    "number_box_invalid": "Not a number from {lo} to {hi}; still {value}.",
    "section_group": "Target group and evidence",
    "section_contract": "Contract terms",
    "section_money": "Costs, savings and timing",
    "switch_contract_baseline": "Write a fixed baseline into the contract",
    "switch_contract_baseline_help": (
        "Off: the baseline is the chosen group's true success rate without the programme, c(d) — "
        "the ideal counterfactual. On: a fixed rate agreed in the contract; if it is below the "
        "truth, the municipality pays for outcomes that would have happened anyway."
    ),
    "switch_payment_cap": "Cap total payments",
    "switch_payment_cap_help": (
        "A cap limits the municipality's worst case — and the investor's best case."
    ),
    "switch_evidence_strength": "Success rate known exactly",
    "switch_evidence_strength_help": (
        "Pretend the programme's success rate is certain (infinite evidence). Only chance among "
        "individual citizens remains, which hides most of the investor's real risk."
    ),
    "payment_basis_every_outcome": "Every outcome",
    "payment_basis_above_baseline": "Only outcomes above the baseline",
    "guarantee_payer_state": "The state (a national fund)",
    "guarantee_payer_municipality": "The municipality",
    # --- baseline ---------------------------------------------------------------------
    "baseline": "Baseline",
    "baseline_title": "Baseline",
    "baseline_caption": (
        "Every chart shows the baseline faintly in grey behind the current scenario, and every "
        "headline number its change from it. Until you pin one, the baseline is the default "
        "scenario."
    ),
    "pin_baseline": "Pin as baseline",
    "pin_baseline_help": "Make the scenario on screen the baseline drawn behind every chart.",
    "reset_baseline": "To baseline",
    "reset_baseline_help": "Move every slider back to the baseline.",
    "reset_preset": "To preset",
    "reset_preset_help": "Move every slider back to the last preset chosen (or the defaults).",
    "delta_vs_baseline": "{change} vs baseline",
    "percentage_points": "{value} pp",
    "share_link": "Link to this view (copy it with the button on the right)",
    "copy_link": "Copy",
    "link_copied": "Copied",
    # --- compare page ------------------------------------------------------------------
    "compare_intro": (
        "Pin up to four scenarios — say an easy group, a hard group, and a hard group with a "
        "rate card — and see them side by side. Every number is the same as on the Explorer."
    ),
    "compare_name": "Name of the scenario on screen",
    "compare_default_name": "Scenario {number}",
    "compare_pin": "Pin the scenario on screen",
    "compare_full": (
        "Four scenarios are pinned, which is the most this page compares side by side. Remove "
        "one to pin another."
    ),
    "compare_pinned": "Pinned “{name}”.",
    "compare_empty": (
        "Nothing is pinned yet. Set the sliders, give the scenario a name and pin it; then "
        "change the sliders and pin the next one."
    ),
    "compare_inputs": "Inputs that differ",
    "compare_inputs_same": "The pinned scenarios have the same inputs.",
    "compare_results": "What each party gets",
    "compare_input": "Input",
    "compare_result": "Result",
    "compare_society_net": "Society net",
    "compare_load": "Load into the sliders",
    "compare_remove": "Remove",
    "compare_charts": "Side by side",
    "chart_compare_irr_title": "Investor return across simulated futures",
    "chart_compare_frontier_title": "Investor return by target group (creaming)",
    "chart_compare_cash_title": "Municipality's net per year",
    # --- share page ------------------------------------------------------------------
    "share_intro": (
        "Scan the code with a phone camera to open the exact scenario — sliders, baseline, "
        "pinned scenarios and page settings — or copy the link."
    ),
    "share_page": "Page the link and the saved file open",
    "share_qr": "QR code of the link",
    "share_qr_alt": "QR code: scan it with a phone's camera to open this scenario",
    # The text alternative of every chart (its title, axes and series, joined by these).
    "chart_alt_chart": "Chart",
    "chart_alt_against": "against",
    "chart_alt_series": "Series",
    "share_localhost": (
        "This link points to this computer (localhost): phones in the room need the address "
        "at which the dashboard is served on the network."
    ),
    "share_save_title": "Save and load",
    "share_save": "Download scenario file (JSON)",
    "share_save_help": (
        "The scenario, the baseline, the pinned scenarios, the page settings, and the page "
        "chosen above with its open tab: loading the file brings them all back."
    ),
    "share_load": "Load a scenario file",
    "share_load_button": "Choose file",
    "share_load_limit": "JSON, at most {size}",
    "share_load_drag": "Drop the file here",
    "share_loaded": "Loaded “{name}”: the scenario, the baseline and {count} pinned scenarios.",
    "share_export_title": "Export",
    "export_xlsx": "Excel workbook (.xlsx)",
    "export_csv": "Tables as CSV (.zip)",
    "export_pdf": "One-page handout (PDF)",
    "export_note": ("Each chart downloads as a PNG from the camera button that appears over it."),
    # --- file problems ---------------------------------------------------------------
    "file_error": "“{name}” was not loaded: {reason} Your scenario is unchanged.",
    "file_error_too_large": "it is larger than {detail}, and a saved scenario is a few kB.",
    "file_error_not_utf8": "it is not text in UTF-8.",
    "file_error_not_json": "it is not a readable JSON file ({detail}).",
    "file_error_too_deep": "it is nested far too deeply to be a saved scenario.",
    "file_error_number_too_long": "it holds a number too long to read.",
    "file_error_foreign": "it is not a scenario file from this dashboard ({detail}).",
    "file_error_future_version": (
        "it was saved by a newer version of the dashboard (format {detail}); this version reads "
        "formats 1 and 2."
    ),
    "file_error_bad_value": "“{detail}” has a value this dashboard does not allow.",
    "file_error_too_many_pinned": "it pins more than {detail} scenarios.",
    "file_where_baseline": "baseline",
    "file_where_pinned": "pinned",
    # --- export ----------------------------------------------------------------------
    "sheet_inputs": "Inputs",
    "sheet_summary": "Summary",
    "sheet_cash_flows": "Cash flows",
    "sheet_creaming": "Creaming frontier",
    "sheet_parking": "Parking frontier",
    "col_field": "Input",
    "col_unit": "Unit",
    "col_meaning": "Meaning",
    "col_figure": "Figure",
    "col_scenario": "Scenario",
    "col_year": "Year",
    "scenario_current": "Current",
    "unit_count": "number",
    "unit_fraction": "share (0–1)",
    "unit_money": "DKK",
    "unit_years": "years",
    "unit_number": "number",
    "unit_multiple": "multiple (×)",
    "figure_expected": "{figure}, expected",
    "figure_percentile": "{figure}, {percentile}th percentile",
    "figure_standard_error": "{figure}, standard error of the expected value",
    "pdf_title": "Social impact bond: one scenario",
    "pdf_link": "Open this scenario on your phone or laptop:",
    "pdf_inputs": "Inputs that differ from the defaults: {inputs}",
    "pdf_inputs_none": "Inputs: the dashboard's defaults.",
    "pdf_localhost": (
        "No link to this scenario: the dashboard was opened at this computer's own address "
        "(localhost), which no phone or other computer can open. Open the dashboard at its "
        "address on the network and download the handout again for a link and a QR code."
    ),
    # --- link problems ------------------------------------------------------------------
    "link_problems": (
        "Some settings in the link could not be used, so valid values are shown instead: {items}."
    ),
    "link_unknown_key": "{key} (unknown setting)",
    "link_invalid_value": "{key} = {value} (allowed: {allowed})",
    "link_adjusted": "{key} = {value} (beyond the dashboard's range, {used} used)",
    "allowed_whole": "a whole number from {lo} to {hi}",
    "allowed_number": "a number from {lo} to {hi}",
    "allowed_optional": "{range}, or none",
    "allowed_evidence": "a number of at least 0.001, or inf",
    "allowed_pin_name": "a name for the pinned scenario",
    "allowed_lang": "en or da",
    # --- parties and series -------------------------------------------------------------
    "investor": "Investor",
    "provider": "Provider",
    "commissioner": "Municipality (SIB)",
    "conventional": "Municipality funds it directly",
    "society": "Society",
    "payment": "Outcome payment",
    "commissioner_payment": "Municipality pays",
    "commissioner_saving": "Municipality saves",
    "commissioner_net": "Municipality net",
    "conventional_funding": "Direct funding (no SIB)",
    "sib": "Social impact bond",
    "direct": "Direct funding",
    "cost": "Cost",
    "own_saving": "Own saving",
    "net": "Net",
    # --- explorer -----------------------------------------------------------------------
    "metric_irr": "Expected investor return (IRR)",
    "metric_irr_help": (
        "The first figure is the mean of the investor's yearly return over the simulated futures. "
        "Each future's return is at least −100 %, so a few total losses pull the mean far down. "
        "The median ({median}) is what the middle future earns: what a typical contract like this "
        "returns. The return of the expected cash flows, the whole book of such contracts, is "
        "{book}."
    ),
    "metric_loss": "Chance the investor loses money",
    "metric_loss_help": (
        "Share of simulated futures where the investor gets back less than it put in. Chance of "
        "losing everything: {total}. In a small cohort this share moves in small steps as the "
        "cohort changes by one citizen: the number of outcomes needed to break even is a whole "
        "number."
    ),
    "metric_moic": "Money multiple",
    "metric_moic_help": (
        "Kroner back for each krone the investor puts in, over all futures together (expected "
        "money received divided by expected capital): 1.2× means 20 % more back."
    ),
    "metric_commissioner": "Municipality net (SIB)",
    "metric_commissioner_delta": "{diff} vs funding it directly",
    "metric_commissioner_help": (
        "Present value of the municipality's own savings minus its payments. Funding the same "
        "programme directly would give {conventional}."
    ),
    "metric_cost_per_additional": "Cost per additional outcome",
    "metric_cost_per_additional_help": (
        "Expected payments divided by the expected outcomes that would not have happened without "
        "the programme."
    ),
    "metric_deadweight": "Deadweight share",
    "metric_deadweight_help": (
        "Share of all outcomes that would have happened anyway, without the programme."
    ),
    "say_money_back": (
        "In **{k} of 10** simulated futures the investor gets its money back; in the rest "
        "it loses part of its capital."
    ),
    "say_money_back_all": "In **all** simulated futures the investor gets its money back.",
    "say_money_back_none": (
        "In **none** of the simulated futures does the investor get all its money back."
    ),
    "say_commissioner_better": (
        "For the municipality the SIB is **{diff} better** than funding the programme "
        "directly: it pays only for outcomes, and the investor expects to earn less than "
        "it puts in."
    ),
    "say_wrong_pocket": (
        "Only {share} of the expected public saving of {public} lands in the "
        "municipality's budget ({municipality}); of the rest, {state} lands with the "
        "state and {region} with the region. For society as a whole the programme is "
        "worth **{society}**."
    ),
    "say_wrong_pocket_state": (
        "Only {share} of the expected public saving of {public} lands in the "
        "municipality's budget ({municipality}); the rest, {state}, lands with the state. "
        "For society as a whole the programme is worth **{society}**."
    ),
    "say_wrong_pocket_region": (
        "Only {share} of the expected public saving of {public} lands in the "
        "municipality's budget ({municipality}); the rest, {region}, lands with the "
        "region. For society as a whole the programme is worth **{society}**."
    ),
    "say_wrong_pocket_none": (
        "All of the expected public saving, {public}, lands in the municipality's own "
        "budget: there is no wrong pocket. For society as a whole the programme is worth "
        "**{society}**."
    ),
    "say_wrong_pocket_no_saving": (
        "There is no expected public saving for the municipality, the state and the "
        "region to share. For society as a whole the programme is worth **{society}**."
    ),
    "say_deadweight": "{share} of the outcomes achieved would have happened anyway (deadweight).",
    "say_no_effect": (
        "Without the programme at least as many citizens would succeed as with it: there are "
        "**no additional outcomes** to pay for (success without the programme is set at or above "
        "success with it)."
    ),
    "say_investor_no_capital": (
        "The investor puts in **no money** here (the provider funds everything), so it carries "
        "no risk and earns no return."
    ),
    "say_provider_no_risk": (
        "The provider carries **no financial risk**: the investor funds all costs. The "
        "provider's stake is its reputation and its freedom of method."
    ),
    "say_provider_risk": (
        "The provider funds **{share}** of the delivery costs itself and is repaid only from "
        "outcome payments: its expected net is {net}."
    ),
    "say_threshold": "The payment threshold is met in {share} of the simulated futures.",
    "say_cap": "The payment cap binds in {share} of the simulated futures.",
    "chart_irr_title": "Investor return across simulated futures",
    "chart_irr_x": "Investor return (IRR per year)",
    "chart_share_of_futures": "Share of futures",
    "loss": "Loss",
    "gain": "Money back or more",
    "loss_region": "loss",
    "expected": "expected",
    "chart_commissioner_title": "Municipality: social impact bond vs funding directly",
    "chart_pocket_title": "Who pays, and where the saving lands",
    "pocket_pays": "Municipality pays",
    "pocket_saving": "Saving lands with",
    "pocket_payment": "Outcome payments",
    "pocket_municipality": "Municipality",
    "pocket_state": "State",
    "pocket_region": "Region",
    "pocket_hover": "{pocket}: {money} ({share} of the public saving)",
    "chart_money_axis": "DKK million (present value)",
    "net_spread_hover": (
        "{name}: {net} expected; in 90 % of simulated futures between {low} and {high}"
    ),
    "chart_payoff_title": "Who gets what, by the success rate achieved",
    "chart_payoff_x": "Achieved success rate (outcomes / starters)",
    "chart_payoff_y": "DKK million",
    "threshold": "threshold",
    "cap_reached": "cap reached",
    "expected_rate": "p(d) expected",
    "counterfactual_rate": "c(d) without programme",
    "chart_cash_title": "Expected cash flows per year",
    "chart_cash_x": "Year",
    "chart_cash_y": "DKK million (+ in, − out)",
    # --- creaming -----------------------------------------------------------------------
    "creaming_intro": (
        "Before the contract is signed: an investor paid per outcome earns most from "
        "citizens close to the goal, while the municipality gains most from citizens far "
        "from it — they would have stayed on benefits longest, and fewer of them would "
        "have succeeded anyway. This is creaming."
    ),
    "chart_frontier_title": "What each party gets as the target group gets harder",
    "chart_difficulty_x": "Target-group difficulty (0 = closest to the goal, 1 = furthest)",
    "frontier_irr": "Investor IRR",
    "frontier_cost": "DKK per additional outcome",
    "frontier_deadweight": "Deadweight share",
    "investor_prefers": "investor prefers",
    "commissioner_prefers": "municipality prefers",
    "current_group": "chosen group",
    "say_creaming_gap": (
        "The municipality wants a group **{gap}** harder than the investor does: that gap "
        "is the creaming tension. A deal steered by the investor drifts toward citizens "
        "who would often have succeeded anyway."
    ),
    "say_creaming_aligned": (
        "The investor and the municipality prefer the same target group: no creaming "
        "tension on these terms."
    ),
    "creaming_levers": "What moves the investor's preferred group?",
    "creaming_levers_intro": (
        "The same frontier under four sets of contract terms: a rate card that pays more for "
        "harder citizens (difficulty premium) and paying only above a baseline both pull the "
        "investor's optimum toward harder groups."
    ),
    "chart_levers_title": "Investor return by difficulty under different terms",
    "lever_terms": "Contract terms",
    "lever_table_note": (
        "Why the municipality's preference moves too: a rate card makes outcomes of easy groups "
        "cheap, so their cost per additional outcome can fall below that of hard groups; paying "
        "only above the true baseline means paying only for additional outcomes, so every group "
        "costs about the same per additional outcome and the municipality's preference is weak."
    ),
    "lever_label": "premium {premium}, {basis}",
    "lever_investor_d": "Investor's preferred difficulty",
    "lever_investor_irr": "Its expected IRR",
    "lever_commissioner_d": "Municipality's preferred difficulty",
    # --- deal space ---------------------------------------------------------------------
    "deal_intro": (
        "Each cell is a price per outcome and a target group. The investor signs if its return "
        "and risk are acceptable; the municipality signs if the deal passes its test. A deal "
        "exists only where both sign."
    ),
    "deal_target_irr": "Investor's target return (IRR)",
    "deal_target_irr_help": (
        "The investor signs only if the expected IRR is at least this. Published SIB return caps "
        "range from 2 % to 15 %."
    ),
    "deal_max_loss": "Investor's maximum chance of loss",
    "deal_max_loss_help": (
        "The investor signs only if the chance of getting back less than it put in is at most this."
    ),
    "deal_test": "Municipality's test",
    "deal_test_net": "Own budget: net ≥ 0",
    "deal_test_wtp": "Willingness to pay per additional outcome",
    "deal_test_help": (
        "Net ≥ 0 counts only the savings that land in the municipality's own budget. A "
        "willingness to pay per additional outcome takes a wider view of value."
    ),
    "deal_wtp": "Willingness to pay (DKK per additional outcome)",
    "zone_neither": "Neither signs",
    "zone_investor": "Only the investor signs",
    "zone_commissioner": "Only the municipality signs",
    "zone_deal": "Both sign: a deal",
    "chart_deal_title": "Where a deal exists: price × target group",
    "chart_price_y": "Price per outcome, reference group (DKK)",
    "current_scenario": "current scenario",
    "say_deal_here": "The current scenario lies in the zone: **{zone}**.",
    "say_deal_prices": (
        "For the chosen group (difficulty {d}) a deal exists at prices from **{lo}** to **{hi}** "
        "per outcome."
    ),
    "say_deal_no_price": (
        "For the chosen group (difficulty {d}) no price on the grid satisfies both parties. Try "
        "the municipality's willingness to pay instead of its own budget, a larger municipal "
        "share of the saving (the wrong pocket) or a lower target return."
    ),
    "hover_irr": "expected IRR",
    "hover_loss": "chance of loss",
    "hover_net": "municipality net",
    # --- sensitivity --------------------------------------------------------------------
    "sensitivity_intro": (
        "Each bar shows how far the result moves when one assumption is set to a plausible low "
        "or high value while everything else stays put (for example ±20 % for money and sizes, "
        "±0.1 for probabilities, half and double the evidence)."
    ),
    "chart_tornado_irr": "Investor's expected return (now {base})",
    "chart_tornado_net": "Municipality's expected net (now {base})",
    "tornado_low": "low value",
    "tornado_high": "high value",
    "tornado_x_irr": "Change in expected IRR (percentage points)",
    "tornado_x_net": "Change in municipality net (DKK million)",
    # --- method -------------------------------------------------------------------------
    "method_intro": (
        "How the numbers are made. Everything is a simplified, illustrative model of one "
        "outcomes contract between a municipality, an investor and a provider."
    ),
    "method_equations": "Equations",
    "method_group": (
        "**Target group.** Difficulty d shifts the log-odds of success with and without the "
        "programme by the same amount, so the programme's odds ratio is the same for every group:"
    ),
    "method_draws": (
        "**One simulated contract.** Starters n, the programme's true success rate θ (uncertain: "
        "evidence strength κ), outcomes S and additional outcomes A:"
    ),
    "method_payment": (
        "**Payment.** Payable outcomes are every outcome or those above the contract baseline b; "
        "nothing is paid below the threshold; the rate card tilts the price by difficulty; the "
        "cap limits the total:"
    ),
    "method_parties": (
        "**Each party.** The investor funds the capital and receives P over the years after a "
        "payment delay (IRR from the yearly flows, money multiple P / capital); the municipality "
        "saves its share of the public saving on additional outcomes; society saves it all and "
        "bears the real cost:"
    ),
    "method_ratios": (
        "**Across futures** cost per additional outcome and deadweight are ratios of "
        "expectations, never averages of per-future ratios:"
    ),
    "method_pockets": (
        "**The wrong pocket.** What the municipality does not keep lands with the state "
        "(a share q of it) and with the region (the rest), so the three pockets add up to "
        "the whole public saving:"
    ),
    "method_assumptions": "Assumptions and limits",
    "method_assumptions_text": (
        "- Costs: fixed costs at the start, delivery costs spread evenly over the delivery years, "
        "outcome payments spread evenly over the same number of years after the payment delay; a "
        "guarantee is paid in the last payment year.\n- An outcome's saving accrues evenly over "
        "the savings years from the year it is paid for; the municipality's and society's figures "
        "are present values at the discount rate.\n- The whole cohort succeeds or fails together "
        "through θ: this shared uncertainty about whether the method works is the risk an investor "
        "prices.\n- One outcome per citizen, no partial outcomes, no transaction costs beyond "
        "fixed costs, no taxes; the investor's IRR is before fees.\n- Exact where it can be: for a "
        "cohort of alike citizens the probability of every possible number of starters and "
        "outcomes is computed from the binomial and beta-binomial distributions, for every cohort "
        "up to 10,000 (beyond 300,000 combinations the number of starters is summed by a "
        "quadrature rule, and neighbouring outcomes are pooled only where the contract's terms do "
        "not change). A mixed or parked cohort is counted per group of alike citizens over 4,000 "
        "simulated futures from one fixed seed, the same for every cohort size and on every page. "
        "Either way one scenario shows one set of numbers everywhere, and a slider step moves a "
        "figure only as far as the truth moves."
    ),
    "method_glossary": "Glossary",
    "glossary_da": "Danish",
    "glossary_en": "English",
    "method_presets": "Presets and their sources",
    "method_presets_note": (
        "All presets are illustrative: the contract terms of the Danish pilots are not public."
    ),
    # --- method: words inside the equations (LaTeX \text{...}) ----------------------------
    "eq_if": "if",
    "eq_or": "or",
    "eq_otherwise": "otherwise",
    "eq_cap": "cap",
    "eq_payable": "payable",
    "eq_capital": "capital",
    "eq_moic": "MOIC",
    "eq_net": "net",
    "eq_municipality": "municipality",
    "eq_society": "society",
    "eq_pv": "PV",
    "eq_cost_per_additional": "cost per additional outcome",
    "eq_deadweight_share": "deadweight share",
    "say_money_back_hundredths": (
        "In **{k} of 100** simulated futures the investor gets its money back; in the "
        "rest it loses part of its capital."
    ),
    "say_money_back_almost_all": (
        "In **almost every** simulated future (more than 99 in 100) the investor gets its "
        "money back."
    ),
    "say_money_back_almost_none": (
        "In **fewer than 1 in 100** simulated futures does the investor get its money back."
    ),
    "say_commissioner_worse_timing": (
        "For the municipality the SIB costs **{diff} more** than funding the programme "
        "directly (present values), although the investor expects no profit: the "
        "difference comes from when money is paid and what the provider puts in."
    ),
    "say_parked": (
        "The provider parks **{share}** of the starters, the hardest first: it serves "
        "about {served} of {starters} citizens, and the parked ones succeed only as often "
        "as they would have anyway."
    ),
    "say_guarantee": (
        "A guarantor covers the investor's losses up to **{share}** of its capital: it pays in "
        "{pays} of the simulated futures, {cost} on average, a cost borne by {payer}. Without it "
        "the investor's chance of loss would be {unguaranteed}."
    ),
    "say_return_cap": (
        "The investor may get back at most **{multiple}** its capital; the cap binds in "
        "{share} of the simulated futures, and the municipality keeps the rest."
    ),
    "prefers_at": "difficulty {at}",
    "prefers_share": "{at} parked",
    "prefers_flat": ("no clear preference (every choice gives about the same result)"),
    "prefers_within_noise": (
        "no clear preference (the differences are within the simulation's noise)"
    ),
    "prefers_nothing_at_stake": "no preference (nothing is paid or nothing is additional anywhere)",
    "prefers_would_not_sign": "no preference: it loses whatever is chosen, so it would not sign",
    "say_prefers_investor": (
        "**Investor** (highest expected return): {where}, where it expects {irr} a year."
    ),
    "say_prefers_investor_none": "**Investor**: {why}.",
    "say_prefers_municipality": (
        "**Municipality** (best net on its own budget): {where}, expected net {net}."
    ),
    "say_prefers_municipality_none": "**Municipality**: {why}.",
    "say_prefers_society": "**Society** (best net for all public budgets): {where}.",
    "say_creaming_reversed": (
        "Here the investor prefers a group **{gap}** harder than the municipality does: "
        "these terms pay well for hard cases."
    ),
    "say_value_for_money": (
        "Value for money (lowest cost per additional outcome) is best at difficulty {at}: {cost}."
    ),
    "say_parking_rewarded": (
        "**This contract rewards parking.** The investor's expected return is highest with {at} of "
        "the starters parked ({irr} a year, against {irr0} when everybody is served); by expected "
        "profit in kroner its best is {profit_at} parked. A parked citizen costs only the minimum "
        "service, and their spontaneous successes are still paid. The return per year also rewards "
        "parking because it needs less capital; the profit shows the gain in kroner."
    ),
    "say_parking_not_rewarded": (
        "This contract does not reward parking: the investor does not clearly gain, by its return "
        "and by its profit in kroner, by leaving the hardest citizens with only the minimum "
        "service."
    ),
    "say_parking_municipality": (
        "**Municipality**: {where}. Its expected net is {net0} when everybody is served "
        "and {net1} when everybody is parked."
    ),
    "say_parking_deadweight": (
        "On the every-outcome basis parking turns payments into deadweight: the "
        "deadweight share rises from {dw0} with nobody parked to {dw1} with everybody "
        "parked."
    ),
    "frontier_net": "Municipality's net (DKK million)",
    "chart_parking_title": (
        "What each party gets as the provider parks more of the hardest citizens"
    ),
    "chart_parking_x": "Share of starters parked (hardest first)",
    "creaming_by_group": "Which target group?",
    "parking_title": "Inside the contract: parking the hardest citizens",
    "parking_intro": (
        "After the contract is signed the provider meets the citizens it was sent. "
        "Serving only the easiest and parking the rest saves delivery costs; on the "
        "every-outcome basis the parked citizens' spontaneous successes are still paid. "
        "Set a spread of difficulties in the Advanced section to see a mixed group."
    ),
    "parking_levers": "What stops the contract rewarding parking?",
    "parking_levers_intro": (
        "The investor's preferred parked share under this contract and with one lever changed. "
        "When every outcome is paid for, a rate card does not change how much parking pays (a "
        "parked citizen's spontaneous success is still paid, at whatever price); paying only for "
        "outcomes above the baseline is the lever that does."
    ),
    "lever_this_contract": "This contract",
    "lever_above_baseline": "Pay only above the baseline",
    "lever_rate_card": "Rate card by each citizen's own difficulty (premium 1)",
    "lever_guarantee": "A guarantee of half the capital",
    "parking_investor_share": "Investor prefers parking",
    "parking_municipality_share": "Municipality prefers parking",
    "parking_rewarded": "Rewards parking?",
    "yes": "yes",
    "no": "no",
    "guarantor": "Guarantor",
    "section_finance": "Finance: provider, return cap, guarantee",
    "switch_investor_return_cap": "Cap the investor's return",
    "switch_investor_return_cap_help": (
        "A cap on the money multiple the investor may receive; payments above it stay "
        "with the municipality. Published caps range from 2 % to 15 % a year."
    ),
    "link_unknown_keys": "{count} unknown settings ({keys}, …)",
    "link_duplicate": "{key} names a setting that {used} already set ({used} was used)",
    "allowed_choice": "one of: {choices}",
    "method_second_step": (
        "**Mixed groups, parking and blended finance.** A mixed cohort spreads its "
        "citizens evenly over difficulties d ± w (in nine strata); the provider serves "
        "the easiest starters and parks the share π with the hardest, who get no "
        "programme and succeed at their own c(d_k). The rate card and the saving follow "
        "each citizen's own difficulty; payments stop at the investor's return cap R; a "
        "guarantor covers the investor's shortfall up to the share g of its capital:"
    ),
    "eq_price": "price",
    "eq_saving": "saving",
    "eq_guarantee": "guarantee",
    "eq_served": "served",
    "eq_state": "state",
    "eq_region": "region",
    "reality_title": "Reality check: this scenario beside real contracts",
    "reality_intro": (
        "Published figures from real social impact bonds. A figure outside them is not "
        "wrong, but it is an assumption worth discussing before anyone signs."
    ),
    "reality_figure": "Figure",
    "reality_this": "This scenario",
    "reality_published": "Published",
    "reality_where": "Where it sits",
    "reality_source": "Source",
    "reality_within": "within what has been seen",
    "reality_outside": "outside what has been seen",
    "reality_far_outside": "far outside: check this assumption",
    "reality_times": "{value} times",
    "reality_cohort_dk": "Citizens (Danish projects)",
    "reality_cohort_world": "Citizens (projects worldwide)",
    "reality_capital_dk": "Capital (Danish projects)",
    "reality_capital_world": "Capital (projects worldwide)",
    "reality_irr": "Investor's expected return a year",
    "reality_effect": "Success with the programme vs without",
    "reality_source_cohort_dk": "INDIGO: the 13 Danish projects served 20–450 citizens",
    "reality_source_cohort_world": "INDIGO, Dec 2024, 320 projects: quartiles of citizens served",
    "reality_source_capital_dk": "INDIGO: Danish projects raised 1.0–18.4 million DKK each",
    "reality_source_capital_world": (
        "INDIGO, Dec 2024: investment quartiles USD 0.5–3.2 million (at 6.9 DKK per USD)"
    ),
    "reality_source_irr": (
        "Brookings: about 50 completed bonds, investors repaid in all but 2, returns "
        "about 1–20 % a year"
    ),
    "reality_source_effect": (
        "Peterborough: about 1.1 times the comparison group; Aalborg IMPACT60: about "
        "twice the job centre's usual rate"
    ),
    "say_reality_all_within": "Every figure checked lies within what real contracts have shown.",
    "say_reality_outside": (
        "{count} of {total} figures lie outside what real contracts have shown: {names}."
    ),
    "say_commissioner_worse_risk": (
        "For the municipality the SIB costs **{diff} more** than funding the programme "
        "directly, in today's kroner. That is what the investor expects to earn ({profit} "
        "over the years): its price for carrying a {loss} chance of losing money."
    ),
    "say_commissioner_worse_profit": (
        "For the municipality the SIB costs **{diff} more** than funding the programme "
        "directly, in today's kroner. That is what the investor expects to earn ({profit} "
        "over the years) — and the investor almost never loses here (a chance below 0.5 "
        "%), so hardly any of it pays for carrying risk."
    ),
    # --- negotiation game ---------------------------------------------------------------
    "page_game": "Negotiation game",
    "game_intro": (
        "Groups take the roles of a social impact bond — municipality, investor, provider and, "
        "if you like, the state — each on its own laptop. Start a room here (you are the "
        "facilitator), then give each group its link."
    ),
    "game_start": "Start a new room",
    "game_full": "No room can be opened just now: too many rooms are in use. Try again later.",
    "game_join": "Join",
    "game_bad_room": "No room with that code. Check the code in the link (4–6 letters).",
    "game_back_to_room": "Back to room {code} as the {role}",
    "game_back_to_room_help": (
        "You left this room's screen for another page; the room goes on without you. This "
        "button opens your screen again."
    ),
    "game_link_incomplete": (
        "This link is incomplete: it does not open a screen of this room. Ask the facilitator "
        "for your group's own link."
    ),
    "game_join_link": "Your group's link or join code (from the facilitator)",
    "game_links_private": (
        "Each link opens one group's screen, with that group's red lines only: show each group "
        "its own QR code (not on the projector) or give it its own link or join code, and keep "
        "yours (the facilitator's) to yourself."
    ),
    "game_join_by_code": (
        "No camera? The group opens {address} on its own device and types its join code under "
        "“{join}”: the code starts with the room's code, {code}."
    ),
    "game_join_code": "Join code: {code}",
    "game_qr_caption": "{role}: scan to open the group's screen",
    "game_qr_alt": "QR code of the link to the {role} group's screen in room {code}",
    "game_new_link": "New link",
    "game_new_link_help": "Issue this group a fresh link; the old one stops opening the room.",
    "game_new_link_done": "A new link for the {role}: the old one no longer opens the room.",
    "game_close_room": "Close the room",
    "game_close_room_sure": "Yes: close this room for everyone (every link stops working)",
    "game_room_closed": "The room is closed: its links no longer open it.",
    "game_limit_rooms": (
        "No new room just now: {n} rooms were started from here in the last {minutes} minutes. "
        "Wait a few minutes, or carry on in a room you started."
    ),
    "game_limit_links": (
        "Too many links that open no room came from here in the last {minutes} minutes. Wait "
        "a few minutes, then open the link your facilitator gave your group."
    ),
    "game_role_facilitator": "Facilitator",
    "game_role_municipality": "Municipality",
    "game_role_investor": "Investor",
    "game_role_provider": "Provider",
    "game_role_state": "State",
    "game_lever": "Term",
    "game_value": "Value",
    "game_would_sign": "would sign",
    "game_would_not_sign": "would not sign",
    "game_why_irr": "the expected return is below the target",
    "game_why_loss": "the chance of loss is too high",
    "game_why_net": "the municipality's expected net is negative",
    "game_why_wtp": "the price per additional outcome is above what the municipality will pay",
    "game_why_risk": "too much of the provider's own money is at risk",
    "game_why_parked": "too many citizens would be parked (not served)",
    "game_why_state_saving": "the saving in the state's budget is too small",
    "game_fig_investor": "Investor: expected return {irr}, chance of loss {loss}.",
    "game_fig_municipality": (
        "Municipality: expected net {net}, price per additional outcome {cost}."
    ),
    "game_fig_provider": "Provider: own money at risk {risk}, citizens served {served}.",
    "game_fig_state": (
        "State: saving in the state's own budget, less any guarantee it pays, {saving}."
    ),
    "game_goal_investor": (
        "An expected return of at least {irr} and a chance of loss of at most {loss}."
    ),
    "game_goal_municipality_net": (
        "The municipality's expected saving must cover what it pays (net ≥ 0)."
    ),
    "game_goal_municipality_wtp": "Pay at most {wtp} per additional outcome.",
    "game_goal_provider": (
        "At most {risk} of your own money at risk, and at least {served} of the citizens "
        "actually served (not parked)."
    ),
    "game_goal_state": (
        "A saving in the state's own budget of at least {saving}, after any guarantee the state "
        "pays (the wrong pocket; the region's part does not count)."
    ),
    "game_status_signed": "Deal signed in round {n}.",
    "game_status_open": "Round {n} is open: propose or accept.",
    "game_status_closed": "Waiting for the facilitator to open a round (rounds so far: {n}).",
    "game_room": "Room {code}",
    "game_links": "Links for the groups",
    "game_open_round": "Open a round",
    "game_close_round": "Close the round",
    "game_on_table": "On the table",
    "game_proposed_by": "Proposed by {who} in round {n}",
    "game_starting_terms": "Starting terms: the contract the room started with",
    "game_cap_help": "Leave empty (or 0) for no cap.",
    "game_accepted_by": "Accepted by: {who}",
    "game_who_signs": "Who would sign, and why not",
    "game_proposals": "Proposals",
    "game_no_proposals": "No proposals yet.",
    "game_round_n": "Round {n}",
    "game_deal_zone": "The deal zone (investor and municipality)",
    "game_debrief": "Debrief: the signed deal against what each party wanted",
    "game_wanted": "Wanted",
    "game_got": "Got",
    "game_you_are": "You are the {role} · room {code}",
    "game_your_goal": "Your goal:",
    "game_group_name": "Group name",
    "game_save_name": "Save name",
    "game_propose": "Propose a contract",
    "game_message": "Message to the others",
    "game_send_proposal": "Put it on the table",
    "game_bad_proposal": "That proposal is not possible; check the terms.",
    "game_you_would_sign": "Your red lines hold: you could sign this.",
    "game_you_would_not_sign": "This crosses your red lines: {why}.",
    "game_you_accepted": "You have accepted what is on the table.",
    "game_accept": "Accept what is on the table",
    "game_red_lines": "Red lines",
    "game_red_lines_intro": (
        "Each group sees its own red lines as its goal, and the verdicts follow them. "
        "Change them before the first round or between rounds."
    ),
    "game_red_lines_locked": "A round is open: close it to change the red lines.",
    "game_save_lines": "Save the red lines",
    "game_lines_saved": "Red lines saved: every group now sees its new goal.",
    "game_lines_invalid": "The red lines were not saved (the room is unchanged): {problems}.",
    "game_line_range": "{label} must be a number from {lo} to {hi}",
    "game_line_target_irr": "Lowest expected return (IRR, %)",
    "game_line_max_loss": "Highest chance of loss (%)",
    "game_line_willingness_to_pay": "Willingness to pay (DKK per additional outcome)",
    "game_line_max_provider_risk": "Most own money at risk (DKK)",
    "game_line_min_served_share": "Fewest citizens served (% of starters)",
    "game_line_min_state_saving": "Smallest saving in the state's own budget (DKK)",
    "game_table_changed": (
        "Something new was put on the table just now: look at it before you accept."
    ),
    "game_round_closed_proposal": (
        "The round was closed before your proposal arrived: it was not put on the table."
    ),
    "sidebar_not_the_room": (
        "These sliders change the dashboard's other pages, not the game room: the room keeps "
        "the scenario it was started with."
    ),
    "game_room_scenario": (
        "This room plays the scenario it was started with; the sidebar's sliders change "
        "the rest of the dashboard, not the room."
    ),
    "explorer_tab_parties": "Investor and municipality",
    "explorer_tab_money": "Money by year and pocket",
    "explorer_tab_outcomes": "Who gets what, by success rate",
    "creaming_tab_group": "Target group",
    "creaming_tab_parking": "Parking",
    "creaming_tab_levers": "Contract levers",
    "median": "median",
    "parking_not_meaningful": (
        "Parking needs a mixed group: with every citizen alike there is no harder citizen to leave "
        "aside. Set a spread of difficulty in the sidebar's Advanced section (Target group) to see "
        "the parking frontier."
    ),
    "method_returns": (
        "**Three return figures.** Each future has its own internal rate of return, at least −100 "
        "%. The *mean* over futures (the headline's first figure and the line marked *expected* on "
        "the return chart) is pulled far down by a few total losses; the *median* is what the "
        "middle future earns, what a typical contract like this returns; the *IRR of the expected "
        "cash flows* is the return of a whole book of such contracts (in the headline's help). The "
        "sentences use the median, the figure a finance officer expects to hear; the charts, the "
        "sensitivity analysis and the negotiation game's red lines use the mean. The money "
        "multiple is the expected money received divided by the expected capital."
    ),
    "returns_note": (
        "Typical (median) return {median} a year · return of the expected cash flows {book} · "
        "{multiple} back for each krone put in."
    ),
    "guarantee_borne_by_state": "the state",
    "guarantee_borne_by_municipality": "the municipality",
}

#: The label of every scenario input, by field name (key ``label_<field>``).
FIELD_LABELS: dict[str, str] = {
    "cohort_size": "Cohort size",
    "success_probability": "Success probability",
    "difficulty": "Target-group difficulty",
    "referral_rate": "Referral rate",
    "counterfactual_probability": "Success without the programme",
    "difficulty_slope": "How much difficulty matters",
    "evidence_strength": "Strength of evidence",
    "duration_years": "Years of delivery",
    "payment_lag_years": "Payment delay (years)",
    "price_per_outcome": "Price per outcome (DKK)",
    "difficulty_premium": "Difficulty premium",
    "payment_basis": "What is paid for",
    "contract_baseline": "Contract baseline",
    "success_threshold": "Payment threshold",
    "payment_cap": "Payment cap (DKK)",
    "delivery_cost_per_participant": "Delivery cost per citizen (DKK)",
    "fixed_costs": "Fixed costs (DKK)",
    "public_savings_per_outcome": "Public saving per additional outcome (DKK)",
    "municipal_share_of_savings": "Municipality's share of the saving",
    "state_share_of_other_savings": "State's share of the wrong pocket",
    "discount_rate": "Discount rate",
    "provider_fee_at_risk": "Provider's own money at risk",
    "difficulty_spread": "Spread of difficulty in the group",
    "parked_share": "Share of starters the provider parks",
    "savings_gradient": "How much more a hard case saves",
    "savings_years": "Years over which a saving accrues",
    "investor_return_cap": "Investor's return cap (money multiple)",
    "guarantee_share": "First-loss guarantee (share of capital)",
    "parked_service_cost_share": "Minimum service for a parked citizen (share of cost)",
    "municipal_share_gradient": "Rise of the municipality's share with difficulty",
    "guarantee_payer": "Who pays the guarantee",
}

#: The plain-language help of every scenario input, by field name (key ``help_<field>``).
FIELD_HELP: dict[str, str] = {
    "cohort_size": "How many citizens the municipality plans to refer to the programme.",
    "success_probability": (
        "Chance that a citizen of the reference group (difficulty 0.5) reaches the outcome with "
        "the programme."
    ),
    "difficulty": (
        "0 = citizens closest to the goal (e.g. the labour market), 1 = furthest from it. Harder "
        "groups succeed less often, but more of their successes are truly thanks to the "
        "programme."
    ),
    "referral_rate": (
        "Share of the planned citizens who actually start. Below 100 % is a referral shortfall, "
        "as in the Ballerup pilot where only 6 of 10 had started at half-time."
    ),
    "counterfactual_probability": (
        "Chance that a citizen of the reference group reaches the outcome anyway. Outcomes like "
        "these are deadweight: paid for, but not caused by the programme."
    ),
    "difficulty_slope": (
        "How steeply success falls as the target group gets harder (in log-odds per unit of "
        "difficulty). 0 = all groups are alike."
    ),
    "evidence_strength": (
        "How sure we are of the success rate, like the number of earlier participants seen. Weak "
        "evidence means the whole cohort may do much better or worse than expected — the "
        "investor's main risk."
    ),
    "duration_years": "How many years the programme runs.",
    "payment_lag_years": (
        "Years between delivering the programme and being paid for its outcomes (they have to be "
        "measured first). Longer delays lower the investor's yearly return."
    ),
    "price_per_outcome": (
        "What the municipality pays for each outcome it pays for (for the reference group; the "
        "difficulty premium can tilt it)."
    ),
    "difficulty_premium": (
        "A rate card that pays more for harder citizens and less for easier ones: price × (1 + "
        "premium × (difficulty − 0.5)). 0 = one price for all."
    ),
    "payment_basis": (
        "Every outcome, or only outcomes above a baseline (the outcomes that would have happened "
        "anyway are then not paid for)."
    ),
    "contract_baseline": (
        "The success rate without the programme as written in the contract. Used only when "
        "paying for outcomes above the baseline."
    ),
    # Where the model's own description already says it in the room's words, it is the help.
    "success_threshold": str(Scenario.model_fields["success_threshold"].description),
    "payment_cap": "The most the municipality will ever pay in total.",
    "delivery_cost_per_participant": "What the provider spends on each citizen who starts.",
    "fixed_costs": str(Scenario.model_fields["fixed_costs"].description),
    "public_savings_per_outcome": (
        "What all public budgets save when one more citizen reaches the outcome (e.g. cash "
        "benefit not paid: about 148,000 DKK a year in 2024)."
    ),
    "municipal_share_of_savings": (
        "Share of the public saving that lands in the municipality's own budget; the rest lands "
        "in the 'wrong pocket' (state or region)."
    ),
    "state_share_of_other_savings": (
        "Of the public saving that does not land with the municipality (the wrong "
        "pocket), the share that lands in the state's budget; the rest lands with the "
        "region. 100% is an assumption, not a published figure: when a citizen gets a "
        "job, the saving outside the municipality is mostly the state's (refunds of cash "
        "benefit, taxes); a region saves where hospital or psychiatric care is avoided."
    ),
    "discount_rate": (
        "Yearly rate used to compare money now and later for the municipality and society."
    ),
    "provider_fee_at_risk": (
        "Share of the delivery costs the provider pays itself and gets back only from outcome "
        "payments. 0 = the provider carries no financial risk."
    ),
    "difficulty_spread": (
        "The referred citizens are not all alike: their difficulties spread evenly over "
        "the chosen difficulty ± this. 0 = everybody alike."
    ),
    "parked_share": (
        "Creaming inside the contract: the provider serves only the easiest starters and "
        "parks this share, the hardest first. A parked citizen still gets the contract's "
        "minimum service (its cost is set below) and succeeds only as often as they would "
        "have anyway."
    ),
    "savings_gradient": (
        "A citizen far from the goal would have stayed on benefits longest, so helping "
        "them saves more: saving × (1 + gradient × (difficulty − 0.5)). 1 = the hardest "
        "group saves 1.5 times, the easiest 0.5 times the reference saving."
    ),
    "savings_years": (
        "An outcome's saving accrues evenly over this many years from the year it is paid "
        "for (KORA counts six). More years: the investor is repaid before the "
        "municipality's savings arrive."
    ),
    "investor_return_cap": (
        "The most the investor may get back, as a multiple of its capital (1.10 = capital "
        "plus 10 %). Payments above it are not made."
    ),
    "guarantee_share": (
        "Blended finance: a guarantor (a foundation or a state fund) covers the "
        "investor's losses up to this share of its capital, as Den Sociale "
        "Investeringsfond and the Rikers Island guarantee did."
    ),
    "parked_service_cost_share": (
        "Parking is minimal service, not none: a parked citizen still gets the minimum "
        "service the contract requires (as the UK Work Programme's minimum service standards "
        "did), costing this share of the delivery cost per citizen."
    ),
    "municipal_share_gradient": (
        "Under the Danish reimbursement reform (refusionstrappe) the state refunds less of a "
        "long benefit spell, so the municipality keeps more of the saving when a citizen far "
        "from the labour market gets a job: share + gradient × (difficulty − 0.5). 0 = the "
        "same share for every group."
    ),
    "guarantee_payer": (
        "The guarantor's payments are public money too: choose whose budget pays them, the "
        "state (a national fund such as Den Sociale Investeringsfond) or the municipality. "
        "They count in that party's net."
    ),
}

#: The label of every result the model reports (key ``result_<name>``), for the exported
#: tables: a figure of one future (``investor_irr``), whose expected value, percentiles and
#: standard error are labelled by ``figure_expected``, ``figure_percentile`` and
#: ``figure_standard_error`` around it (``expected_investor_irr``, ``investor_irr_p10``), and
#: the summary's other figures by their whole name (``probability_of_loss``). See
#: :meth:`ui.text.translator.Translator.result`; money in DKK, shares as fractions.
RESULT_LABELS: dict[str, str] = {
    "starters": "Citizens who start",
    "served": "Citizens served",
    "parked": "Citizens parked",
    "outcomes": "Outcomes",
    "counterfactual_outcomes": "Outcomes that would have happened anyway",
    "additional_outcomes": "Additional outcomes",
    "payable_outcomes": "Outcomes paid for",
    "payment": "Outcome payments",
    "capital": "Capital for the programme",
    "investor_capital": "Investor's capital",
    "investor_payment": "Outcome payments to the investor",
    "guarantor_payment": "Guarantor's payment",
    "investor_received": "Investor receives (payments and guarantee)",
    "investor_profit": "Investor's profit",
    "investor_irr": "Investor return (IRR per year)",
    "investor_moic": "Investor's money multiple",
    "investor_moic_unguaranteed": "Investor's money multiple without the guarantee",
    "provider_capital": "Provider's own money in the programme",
    "provider_payment": "Outcome payments to the provider",
    "provider_net": "Provider's net",
    "commissioner_payment_pv": "Municipality pays (present value)",
    "commissioner_saving_pv": "Municipality saves (present value)",
    "commissioner_net": "Municipality net with the SIB (present value)",
    "conventional_cost_pv": "Cost of funding it directly (present value)",
    "conventional_net": "Municipality net funding it directly (present value)",
    "public_saving_pv": "Public saving (present value)",
    "state_saving_pv": "State's saving (present value)",
    "region_saving_pv": "Region's saving (present value)",
    "guarantor_payment_pv": "Guarantor's payment (present value)",
    "state_net": "State's net (present value)",
    "public_net": "Public sector's net (present value)",
    "society_net": "Society's net (present value)",
    "median_investor_irr": "Investor return (IRR per year), median",
    "investor_irr_of_expected_flows": "Investor return of the expected cash flows (IRR per year)",
    "expected_money_multiple": "Money multiple of all futures together",
    "probability_of_loss": "Chance the investor loses money",
    "probability_of_loss_unguaranteed": "Chance the investor loses money without the guarantee",
    "probability_of_total_loss": "Chance the investor loses everything",
    "probability_threshold_met": "Chance the payment threshold is met",
    "probability_payment_capped": "Chance the payment cap binds",
    "probability_return_capped": "Chance the investor's return cap binds",
    "probability_guarantor_pays": "Chance the guarantor pays",
    "probability_commissioner_gains": "Chance the municipality breaks even or gains",
    "deadweight_share": "Deadweight share",
    "cost_per_additional_outcome": "Cost per additional outcome",
    "conventional_cost": "Funding it directly: expected cost (present value)",
    "conventional_cost_per_additional_outcome": "Funding it directly: cost per additional outcome",
    "group_success_probability": "Chosen group: success probability p(d)",
    "group_counterfactual_probability": "Chosen group: success without the programme c(d)",
    "group_price_per_outcome": "Chosen group: price per outcome",
    "group_saving_per_outcome": "Chosen group: public saving per additional outcome",
}

#: Domain words of DESIGN.md (key ``glossary_<name>``): the English term; its translation is
#: the Danish term, shown beside it on the Method page in both languages.
GLOSSARY: dict[str, str] = {
    "sib": "social impact bond (SIB)",
    "commissioner": "commissioner (municipality)",
    "provider": "provider, social-economy enterprise",
    "investor": "investor",
    "outcomes_contract": "outcomes contract",
    "target_group": "target group",
    "citizen": "citizen, participant",
    "outcome": "outcome, impact",
    "creaming": "creaming",
    "deadweight": "deadweight",
    "threshold": "threshold",
    "cap": "cap",
    "return": "return",
    "loss": "loss",
    "saving": "saving",
    "cash_benefit": "cash benefit",
    "freedom_of_method": "freedom of method",
    "aligning_expectations": "aligning expectations",
    "irr": "internal rate of return (IRR): the yearly return at which money in and out break even",
    "moic": "money multiple (MOIC): money back per krone in",
    "baseline": "baseline: the success rate without the programme that the contract assumes",
    "counterfactual": "counterfactual: what would have happened without the programme",
    "present_value": "present value: future amounts in today's kroner",
}

#: Notes for the translator, by key (shown as ``#.`` comments in the catalogs).
NOTES: dict[str, str] = {
    "language": "The label of the language switch: the same in every language.",
    **{
        key: "A word inside the Method page's equations (LaTeX \\text{...}): keep it short; "
        "abbreviations as the Danish reader knows them (PV = NV, nutidsværdi)."
        for key in TEXT
        if key.startswith("eq_")
    },
    **{
        key: "Built around a result's label ({figure}, say “Investor return (IRR per year)”) "
        "in the exported tables' rows and headers."
        for key in ("figure_expected", "figure_percentile", "figure_standard_error")
    },
    **{
        f"glossary_{name}": "Glossary row: the English term; translate it with the Danish "
        "term (both columns show in either language)."
        for name in GLOSSARY
    },
}
