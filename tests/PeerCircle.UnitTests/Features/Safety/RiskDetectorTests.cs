using PeerCircle.Web.Features.Safety.RiskLanguage;

namespace PeerCircle.UnitTests.Features.Safety;

/// <summary>The context rules of the risk-language detector, one behaviour at a time.</summary>
public class RiskDetectorTests
{
    private readonly RiskDetector _detector = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("Good week. Scan was clear and we went to the beach.")]
    public void NothingToWorryAbout_FindsNothing(string? text)
    {
        var result = _detector.Detect(text);

        Assert.False(result.Any);
        Assert.Empty(result.Matches);
        Assert.Equal("No risk language found.", result.Explanation);
    }

    [Fact]
    public void PlainSuicidalStatement_IsSelfHarm_AndTheExplanationQuotesTheWordsAsWritten()
    {
        var result = _detector.Detect("Honestly I just want to END IT ALL. I'm so tired.");

        Assert.Equal(["self_harm"], result.Categories);
        Assert.Equal("self_harm: 'END IT ALL'", result.Explanation);
        Assert.Equal("END IT ALL", Assert.Single(result.Matches).Excerpt);
    }

    [Theory]
    [InlineData("I'm not going to kill myself, I just need to vent.")]
    [InlineData("I've never thought about hurting myself, even on the worst days.")]
    [InlineData("I don't want to die. I want to live to see my son graduate.")]
    [InlineData("Just to be clear, I’m not suicidal, just very tired.")]
    [InlineData("No thoughts of self-harm this week.")]
    [InlineData("I'm not hopeless, just frustrated with the delays.")]
    [InlineData("He has never hit me or the kids, he's just very stressed.")]
    public void Negation_CancelsTheMatch(string text) => Assert.False(_detector.Detect(text).Any, _detector.Detect(text).Explanation);

    [Theory]
    [InlineData("I want to kill myself.", "self_harm")]
    [InlineData("I don't want to live anymore.", "self_harm")]
    [InlineData("I can't stop thinking about suicide.", "self_harm")]
    [InlineData("im going to kill myself", "self_harm")]
    public void NegationInsideTheRiskPhrase_StillCounts(string text, string category) =>
        Assert.Contains(category, _detector.Detect(text).Categories);

    [Theory]
    [InlineData("I'm dying to see my grandkids this weekend!")]
    [InlineData("Just killing time in the waiting room before my infusion.")]
    [InlineData("This traffic is killing me.")]
    [InlineData("I could kill for a coffee right now.")]
    [InlineData("Dead tired after radiation today, going straight to bed.")]
    [InlineData("My sister is going to kill me when she sees I ate her cake.")]
    [InlineData("Bored to death in the infusion chair.")]
    public void Idioms_AreNotRisk(string text) => Assert.False(_detector.Detect(text).Any, _detector.Detect(text).Explanation);

    [Theory]
    [InlineData("My oncologist said to stop the pills before surgery.")]
    [InlineData("The care team told me to skip my morning dose before the scan.")]
    [InlineData("Per my oncologist I'm holding the chemo this cycle because my counts are low.")]
    [InlineData("We decided with the oncologist to stop chemo and focus on comfort care.")]
    [InlineData("I heard people say juicing cures cancer, but my dietitian said it's not true.")]
    public void QuotingTheDoctorOrCareTeam_IsNotMedicalAdvice(string text) =>
        Assert.DoesNotContain("medical_advice", _detector.Detect(text).Categories);

    [Theory]
    [InlineData("Just stop taking the tamoxifen, it's poison.")]
    [InlineData("Tell your mom to skip chemo and try apricot kernels.")]
    [InlineData("I stopped my blood thinners on my own because they made me tired.")]
    [InlineData("Double up your oxycodone if the pain gets bad, that's what I do.")]
    public void UnsoundAdvice_IsMedicalAdvice(string text) =>
        Assert.Equal(["medical_advice"], _detector.Detect(text).Categories);

    [Theory]
    [InlineData("Last year I wanted to die, but now I'm doing better.")]
    [InlineData("Two years ago I tried to take my own life. Today I'm three years cancer-free and I volunteer.")]
    [InlineData("My ex used to hit me. I left him in 2019 and I'm safe now.")]
    [InlineData("Back when dad was dying I felt hopeless, but these days I can smile again.")]
    public void PastTenseWithRecovery_IsNotRisk(string text) => Assert.False(_detector.Detect(text).Any, _detector.Detect(text).Explanation);

    [Theory]
    [InlineData("I want to die.", "self_harm")]
    [InlineData("I tried to overdose last weekend and I'm scared I will try again.", "self_harm")]
    [InlineData("I cut myself again last night after the scan results.", "self_harm")]
    public void PresentOrOngoing_IsRisk(string text, string category) => Assert.Contains(category, _detector.Detect(text).Categories);

    [Fact]
    public void SomeoneElseAtRisk_IsFlagged_ButACompletedSuicideYearsAgoIsGrief()
    {
        Assert.Contains("self_harm", _detector.Detect("My husband told me tonight he wants to kill himself.").Categories);
        Assert.False(_detector.Detect("My brother died by suicide ten years ago and cancer brought that grief back.").Any);
    }

    [Fact]
    public void Threats_NeedAPersonAndAnIntention()
    {
        Assert.Equal(["harm_to_others"], _detector.Detect("I'm going to kill my ex-husband if he shows up at the hospital again.").Categories);
        Assert.False(_detector.Detect("My husband killed the spider in the bathroom, my hero.").Any);
        Assert.False(_detector.Detect("We watched a movie about a woman who kills her abusive husband.").Any);
        Assert.False(_detector.Detect("My husband jokes that the chemo will kill him before the cancer does.").Any);
    }

    [Fact]
    public void SeveralCategories_AreAllNamed_InTheFixedOrder()
    {
        var result = _detector.Detect("He beats me and some nights I think about ending my life.");

        Assert.Equal(["self_harm", "abuse_neglect"], result.Categories);
        Assert.StartsWith("self_harm: 'ending my life'; abuse_neglect: 'He beats me'", result.Explanation, StringComparison.Ordinal);
    }

    // ---- families of ways people express each risk (written for these tests, not taken from any message set) ----

    [Theory]
    [InlineData("I honestly wouldn't mind if I didn't wake up tomorrow.")]
    [InlineData("Some nights I pray I just go to sleep and never wake up.")]
    [InlineData("I wish I could just disappear and not come back.")]
    [InlineData("I don't want to be here anymore.")]
    [InlineData("im so tired of being alive")]
    [InlineData("I keep hoping the cancer just takes me quickly so this is over.")]
    [InlineData("Dying would honestly be a relief at this point.")]
    [InlineData("Since Sam died I don't see why I should stay. I want to be with him.")]
    [InlineData("wish id just die in my sleep")]
    [InlineData("I think about not being here a lot lately.")]
    [InlineData("My family would manage fine without me, probably better.")]
    public void PassiveWishToBeDead_IsSelfHarm(string text) => AssertFlags(text, "self_harm");

    [Theory]
    [InlineData("Everyone would be better off if I wasnt around.")]
    [InlineData("dont worry, I wont be a burden for much longer")]
    [InlineData("The life insurance would be worth more to them than I am alive.")]
    [InlineData("No one would even notice if I was gone.")]
    [InlineData("The only thing keeping me here is my dog.")]
    public void BurdenAndNotForLong_IsSelfHarm(string text) => AssertFlags(text, "self_harm");

    [Theory]
    [InlineData("thinking of unaliving myself tbh")]
    [InlineData("I have a plan and I know how I would do it.")]
    [InlineData("I've been saving up my oxycodone in a drawer.")]
    [InlineData("I looked up how many sleeping pills it would take.")]
    [InlineData("I googled the lethal dose of my morphine last night.")]
    [InlineData("There's a gun in the house and I keep thinking about using it on myself.")]
    [InlineData("Bought a rope this afternoon.")]
    [InlineData("I've started giving my things away to my nieces.")]
    [InlineData("Gave my watch to my grandson. Won't be needing it.")]
    [InlineData("So this is goodbye. Thank you all for everything, take care of each other.")]
    [InlineData("I stood on the bridge for an hour last night, just looking down.")]
    [InlineData("Writing this so someone knows where the letters are.")]
    [InlineData("If she goes, I go too. I've actually planned it.")]
    [InlineData("Honestly I've thought about stepping in front of a bus.")]
    [InlineData("I've been reading about which pills are the most painless way.")]
    [InlineData("I don't plan on being around for Christmas.")]
    public void PlanMeansAndGoodbyes_AreSelfHarm(string text) => AssertFlags(text, "self_harm");

    [Theory]
    [InlineData("I burned myself with a lighter again last night.")]
    [InlineData("I've been cutting again, my arms are a mess.")]
    [InlineData("My daughter has cuts all up her arms and says it helps.")]
    public void SelfInjury_IsSelfHarm(string text) => AssertFlags(text, "self_harm");

    [Theory]
    [InlineData("My dad keeps saying he'd rather be dead than go through more chemo.")]
    [InlineData("My wife told me she doesnt want to live anymore.")]
    [InlineData("My brother wants to join dad, he said so at the funeral.")]
    [InlineData("Nana is asking God to take her tonight.")]
    public void SomeoneElseWantsToDie_IsSelfHarm(string text) => AssertFlags(text, "self_harm");

    [Theory]
    [InlineData("If he shows up at the house again I swear I will stab him.")]
    [InlineData("I keep having urges to hurt my husband when he yells.")]
    [InlineData("I'm scared I might shake the baby, I'm so exhausted.")]
    [InlineData("I'm going to make that nurse pay for what she did to my mom.")]
    [InlineData("My brother said he's going to shoot the doctor who missed the tumour.")]
    [InlineData("My son has been threatening to burn down his father's house.")]
    [InlineData("I keep picturing smashing the receptionist's face in.")]
    [InlineData("I don't know what I'll do to him if I see him again.")]
    [InlineData("The man who did this is going to find out what pain feels like.")]
    [InlineData("Next one who says that gets a bottle to the head.")]
    [InlineData("I'm bringing my knife to the clinic tomorrow.")]
    [InlineData("watch your back, I know where you live")]
    [InlineData("He told the nurse he'd come back with a gun.")]
    [InlineData("I want to run that drunk driver off the road.")]
    public void ViolentIntentThreatsAndUrges_AreHarmToOthers(string text) => AssertFlags(text, "harm_to_others");

    [Theory]
    [InlineData("My husband shoved me into the wall because dinner was late.")]
    [InlineData("He grabs my arm so hard it leaves bruises.")]
    [InlineData("I'm afraid of my husband, he threw a plate at me last night.")]
    [InlineData("She won't let me call my sister and checks my messages.")]
    [InlineData("He says if I tell anyone he'll take the kids.")]
    [InlineData("My partner keeps me away from my friends and controls every penny.")]
    [InlineData("My daughter-in-law hides my pain pills and says I'm faking.")]
    [InlineData("Nobody has fed grandpa since yesterday, the aide never showed.")]
    [InlineData("Mom's been left alone for days without her medicine.")]
    [InlineData("Her boyfriend leaves the kids home alone while he goes drinking.")]
    [InlineData("My uncle touches my daughter when he thinks nobody is looking.")]
    [InlineData("My son takes my pension every month.")]
    [InlineData("My nephew made grandma sign over her house while she was on morphine.")]
    [InlineData("He calls me a useless burden and says nobody would believe me.")]
    [InlineData("My brother has power of attorney and mum's savings are gone.")]
    [InlineData("She crushes sleeping pills into his food to keep him quiet.")]
    [InlineData("My sister hasn't given dad his insulin in two days because she's too busy.")]
    [InlineData("My partner has been abusive since the diagnosis.")]
    public void AbuseControlNeglectAndExploitation_AreAbuseNeglect(string text) => AssertFlags(text, "abuse_neglect");

    [Theory]
    [InlineData("I can't keep going like this, everything is falling apart.")]
    [InlineData("I feel completely trapped and there's no way forward.")]
    [InlineData("I havent slept or eaten in three days.")]
    [InlineData("I feel numb inside, nothing matters anymore.")]
    [InlineData("I've lost all hope that things will get better.")]
    [InlineData("It's all too much, I can't handle any of it.")]
    [InlineData("I'm at the end of my rope with all of this.")]
    [InlineData("I feel like I'm having a breakdown.")]
    [InlineData("I'm not coping. At all.")]
    [InlineData("The panic attacks are constant now.")]
    [InlineData("My whole world has collapsed.")]
    [InlineData("I literally cannot stop crying.")]
    [InlineData("Nothing is ever going to get better for me.")]
    [InlineData("I'm barely hanging on.")]
    public void HopelessTrappedCantCope_IsSevereDistress(string text) => AssertFlags(text, "severe_distress");

    [Theory]
    [InlineData("I've been cutting my tamoxifen in half to cut down the hot flashes, haven't told my oncologist.")]
    [InlineData("Honestly skip a few doses of the chemo pills, they won't notice.")]
    [InlineData("I'm going to try cannabis oil instead of radiation.")]
    [InlineData("High dose vitamin C drips will shrink the tumor better than chemo.")]
    [InlineData("Coffee enemas cleared my friend's cancer, you should try them.")]
    [InlineData("I took some of my husband's oxycodone since mine ran out.")]
    [InlineData("A couple of glasses of wine with your Xanax helps you sleep.")]
    [InlineData("If one patch isn't enough just put on two.")]
    [InlineData("You can just take your dad's leftover pain pills.")]
    [InlineData("Chemo is poison, the body can heal itself if you let it.")]
    [InlineData("Don't go to the ER for a fever on chemo, just sleep it off.")]
    [InlineData("I stopped my steroids without telling my oncologist.")]
    [InlineData("Happy to post some of my lorazepam to anyone who needs it.")]
    [InlineData("I stopped taking my anti-seizure meds because they make me foggy.")]
    [InlineData("You don't need to tell your oncologist about the supplements.")]
    [InlineData("I'm taking twice the recommended dose of my painkillers.")]
    public void UnsoundMedicineUse_IsMedicalAdvice(string text) => AssertFlags(text, "medical_advice");

    [Theory]
    [InlineData("My fingers are still numb from the chemo.")]
    [InlineData("I'm dying to get my hair back.")]
    [InlineData("We got our affairs in order with the lawyer last week.")]
    [InlineData("The nurse told me never to mix my oxycodone with alcohol, so I don't.")]
    [InlineData("My oncologist lowered my dose because of the neuropathy.")]
    [InlineData("Dr. Patel stopped the chemo for a cycle because my counts were low.")]
    [InlineData("Oncologist dropped my capecitabine dose by a quarter because of my hands.")]
    [InlineData("I drink green juice every morning alongside my treatment.")]
    [InlineData("He has never laid a hand on me.")]
    [InlineData("I'm not giving up, I'll keep fighting.")]
    [InlineData("My mom hasn't eaten much since the radiation, the dietitian is helping.")]
    [InlineData("I'm exhausted but I'm coping okay with the group's help.")]
    [InlineData("Shoot me a text when you're home.")]
    [InlineData("My husband beat me at scrabble again.")]
    [InlineData("I'll kill the weeds in the garden this weekend.")]
    [InlineData("The chemo kills cancer cells and some good ones too.")]
    [InlineData("Two years ago I thought about ending my life. I'm in a good place now.")]
    [InlineData("The care team and I decided to stop treatment and start hospice.")]
    [InlineData("I asked my oncologist about turmeric and she said it's fine with my meds.")]
    [InlineData("My sister takes my mom to chemo every week.")]
    [InlineData("I'm not suicidal, just very sad.")]
    [InlineData("Hospice brought the morphine and showed us how much to give him.")]
    [InlineData("The nurse won't let me eat before surgery tomorrow.")]
    [InlineData("I said goodbye to my sister at the airport.")]
    [InlineData("My son pushed me around the hospital in a wheelchair.")]
    [InlineData("Mum hit her head on the cupboard, nothing serious.")]
    [InlineData("I had my hair cut again, so short now!")]
    [InlineData("What's the point of this new parking app?")]
    [InlineData("The nurse asked if I'd had any thoughts of self-harm and I haven't.")]
    [InlineData("I'd rather die than miss the final, haha.")]
    [InlineData("Hair's back, so the wig went to the charity shop.")]
    [InlineData("I keep thinking about hitting the gym again once treatment ends.")]
    [InlineData("I'd never stop my treatment without talking to my oncologist.")]
    [InlineData("The kids were home alone for an hour while I picked up groceries, they're 15 and 17.")]
    [InlineData("My wife takes my pension to the bank every month for me.")]
    [InlineData("The radiation burned my skin, it's so sore.")]
    [InlineData("We watched a film about a woman who leaves her abusive husband.")]
    [InlineData("I've been thinking about death a lot, mostly planning my funeral wishes.")]
    [InlineData("I gave away my old clothes since they don't fit after the surgery.")]
    [InlineData("He keeps a hunting rifle for deer season.")]
    public void OrdinaryMessagesAndHardNegatives_AreNotFlagged(string text) =>
        Assert.False(_detector.Detect(text).Any, _detector.Detect(text).Explanation);

    [Fact]
    public void RuleNames_DescribeTheFamily()
    {
        var result = _detector.Detect("I've been saving up my oxycodone and I keep picturing smashing his face in.");

        Assert.Contains(result.Matches, m => m.Category == "self_harm" && m.Rule.Contains("means", StringComparison.Ordinal));
        Assert.Contains(result.Matches, m => m.Category == "harm_to_others" && m.Rule.Contains("violent", StringComparison.Ordinal));
    }

    private void AssertFlags(string text, string category)
    {
        var result = _detector.Detect(text);
        Assert.True(result.Categories.Contains(category), $"expected {category}: {text} — {result.Explanation}");
    }

    [Fact]
    public void ManyThreadsAtOnce_GetTheSameAnswersAsOne()
    {
        var set = RiskEvaluationTests.Load("risk-eval.jsonl");
        var one = set.Select(m => _detector.Detect(m.Text).Explanation).ToArray();
        var many = new string[set.Count];

        Parallel.For(0, set.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => many[i] = _detector.Detect(set[i].Text).Explanation);

        Assert.Equal(one, many);
    }
}
