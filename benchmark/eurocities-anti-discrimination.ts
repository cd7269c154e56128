// Over 400 lines on purpose: the whole framework (every factor and question, in French and English) is one data file with one provenance.
import type { FrameworkInput } from "./schema";

/*
 * EUROCITIES "Integrating Cities" anti-discrimination benchmark (MIXITÉS
 * project, 2012), transcribed from the French edition in
 * /work/shared/seeds/eurocities-anti-discrimination-benchmark.fr.txt.
 *
 * The French follows the seed word for word except for repaired OCR damage
 * (broken hyphenation, run-together words, doubled punctuation, missing factor
 * numbers 08 and 10) and French typographic spacing. The English is our own
 * translation of the French, not the official EUROCITIES English text.
 *
 * Not in the seed, written for the workbench and flagged as such in
 * source.note: the contextual factors' one-line descriptions and the rating
 * scale (the seed only says each key factor is a statement a city can verify
 * or not).
 *
 * Ids are stored in assessments: never renumber or reuse them. Retire an
 * entry with `retired: true` instead of deleting it.
 */
export const eurocitiesAntiDiscrimination = {
  id: "eurocities-anti-discrimination" as const,
  version: "2012.1",
  title: {
    fr: "Points de référence des Villes d'intégration en matière de lutte contre les discriminations",
    en: "Integrating Cities anti-discrimination benchmark",
  },
  shortTitle: {
    fr: "EUROCITIES – Lutte contre les discriminations",
    en: "EUROCITIES – Anti-discrimination",
  },
  publisher: "EUROCITIES / MigrationWork CIC",
  year: 2012,
  source: {
    file: "eurocities-anti-discrimination-benchmark.fr.txt",
    url: "http://www.integratingcities.eu",
    note: {
      fr: "Boîte à outils Integrating Cities (projet MIXITÉS), édition française. Copyright © 2012 EUROCITIES asbl, Bruxelles ; auteurs : Sue Lukes et Richard Stanton, MigrationWork CIC. Texte français transcrit d'une copie numérisée (OCR), coquilles et césures corrigées. La traduction anglaise a été établie pour cet outil et n'est pas le texte anglais officiel. Les descriptions des facteurs contextuels et l'échelle d'évaluation ne figurent pas dans la source : elles ont été rédigées pour cet outil.\n\nCiter la source : mentionner le titre de la publication et l'organisation éditrice (EUROCITIES).",
      en: "Integrating Cities toolkit (MIXITÉS project), French edition. Copyright © 2012 EUROCITIES asbl, Brussels; authors: Sue Lukes and Richard Stanton, MigrationWork CIC. French text transcribed from a scanned (OCR) copy, with typos and hyphenation repaired. The English translation was made for this tool and is not the official English text. The contextual factor descriptions and the rating scale are not in the source: they were written for this tool.\n\nWhen quoting the source, cite the publication title and the publishing organisation (EUROCITIES).",
    },
  },
  introduction: {
    fr: "Cette boîte à outils définit les points de référence des Villes d'intégration en matière de lutte contre les discriminations, ce dont il s'agit et la manière dont vous pouvez vous servir d'une liste de facteurs contextuels utilisables pour les spécificités de votre ville lorsque vous mettez en œuvre cet outil européen. Ce document aidera votre ville à tirer le meilleur parti de ces points de référence pour lutter contre la discrimination.\n\nCette boîte à outils aborde les aspects qui traitent des obstacles résultant de politiques discriminatoires et les mesures que les municipalités peuvent prendre pour les surmonter. Elle est conçue pour compléter la Boîte à outils des Villes d'intégration sur la promotion de la diversité culturelle, différente, mais interdépendante, qui se concentre sur la manière selon laquelle les villes peuvent mettre en valeur la diversité culturelle.\n\nLe point de référence anti-discrimination prend sa source dans la norme des Villes d'intégration – un résumé global de l'objectif de la politique anti-discrimination tiré de la Charte des Villes d'intégration. Il présente les éléments ci-après :\n- des facteurs clés, qui sont les éléments stratégiques déterminants permettant aux municipalités de se conformer à la norme des Villes d'intégration. Autrement dit, les chances que présente une ville de répondre à cette norme sont d'autant plus grandes que ces facteurs clés ont été mis en place. Chacun est formulé sous la forme d'un énoncé que vous pouvez vérifier ou non pour votre ville ;\n- des questions guides, qui détectent les problèmes devant être analysés avant de déterminer si la municipalité a un facteur clé en place ;\n- des exemples, qui illustrent les différentes manières selon lesquelles des villes tentent de traiter les thèmes évoqués par le facteur clé.",
    en: "This toolkit sets out the Integrating Cities anti-discrimination benchmark, what it involves, and how you can use a list of contextual factors to reflect your city's specific circumstances when applying this European tool. It will help your city make the most of the benchmark in combating discrimination.\n\nThe toolkit addresses barriers arising from discriminatory policies and the steps municipalities can take to overcome them. It is designed to complement the separate but interrelated Integrating Cities toolkit on promoting cultural diversity, which focuses on how cities can make the most of cultural diversity.\n\nThe anti-discrimination benchmark is rooted in the Integrating Cities standard – an overall summary of the aim of anti-discrimination policy, drawn from the Integrating Cities Charter. It comprises:\n- key factors, the decisive strategic elements that enable municipalities to meet the Integrating Cities standard. In other words, the more of these key factors are in place, the better a city's chances of meeting the standard. Each one is worded as a statement that you can verify, or not, for your city;\n- guiding questions, which identify the issues to be examined before deciding whether the municipality has a key factor in place;\n- examples, which illustrate the different ways in which cities are trying to address the themes raised by the key factor.",
  },
  standard: {
    title: {
      fr: "La norme des Villes d'intégration",
      en: "The Integrating Cities standard",
    },
    statement: {
      fr: "La ville prend les mesures nécessaires pour garantir que les migrants ne sont pas exclus, par discrimination, de l'accès à l'emploi, aux services, aux passations de marché et aux procédures d'appel d'offres de la municipalité.",
      en: "The city takes the necessary steps to ensure that migrants are not excluded, through discrimination, from access to the municipality's employment, services, procurement and tendering procedures.",
    },
    explanation: {
      fr: "L'Union européenne dispose d'un cadre législatif solide interdisant la discrimination, aussi bien directe qu'indirecte, pour des motifs tels que la race ou l'origine ethnique. Cette réglementation comprend la Charte des droits fondamentaux, deux directives sur la lutte contre la discrimination et une proposition de directive contre la discrimination sur les services non liés à l'emploi. Toutefois, la protection contre la discrimination n'est pas encore devenue une réalité en Europe. La recherche montre que cela est dû à une transposition incomplète des instruments législatifs de l'UE dans certains États membres, à la faiblesse des organismes de protection des droits et à un manque de connaissance de ces droits. Comme le reconnaît la Charte des Villes d'intégration EUROCITIES, les villes ont un rôle important à jouer pour garantir que leurs habitants ne fassent pas l'objet de discrimination dans l'accès aux services et à l'emploi, et soient aidés dans la contestation de toutes discriminations auxquelles ils pourraient être confrontés dans la ville.\n\nOn parle de discrimination directe lorsqu'une personne est traitée de manière moins favorable que les autres dans des circonstances similaires en raison d'une caractéristique particulière (telle que la race, le sexe ou l'âge). Les migrants peuvent être victimes de discrimination directe, par exemple, en cas de refus d'emploi ou de services en raison de leur origine ethnique ou de leur religion. On parle de discrimination indirecte lorsqu'une disposition apparemment non discriminatoire est appliquée à tous les postulants ou usagers de services, mais a pour effet d'exclure la majorité ou la totalité d'un groupe particulier.",
      en: "The European Union has a strong legislative framework prohibiting discrimination, both direct and indirect, on grounds such as race or ethnic origin. It includes the Charter of Fundamental Rights, two anti-discrimination directives and a proposed directive against discrimination in services outside employment. However, protection against discrimination has not yet become a reality in Europe. Research shows that this is due to incomplete transposition of EU legislation in some Member States, weak rights-protection bodies and a lack of awareness of these rights. As the EUROCITIES Integrating Cities Charter recognises, cities have an important role to play in ensuring that their residents do not face discrimination in access to services and employment, and that they are helped to challenge any discrimination they may encounter in the city.\n\nDirect discrimination occurs when a person is treated less favourably than others in similar circumstances because of a particular characteristic (such as race, sex or age). Migrants can suffer direct discrimination, for example, when they are refused a job or a service because of their ethnic origin or religion. Indirect discrimination occurs when an apparently non-discriminatory provision is applied to all applicants or service users but has the effect of excluding most or all of a particular group.",
    },
  },
  parts: {
    item: { id: "key-factor", idPrefix: "kf", one: { fr: "facteur clé", en: "key factor" }, other: { fr: "facteurs clés", en: "key factors" } },
    question: {
      id: "guiding-question",
      idPrefix: "q",
      one: { fr: "question guide", en: "guiding question" },
      other: { fr: "questions guides", en: "guiding questions" },
    },
    contextualFactors: true,
    examples: true,
  },
  keyFactors: [
    {
      id: "kf-01",
      number: 1,
      title: { fr: "L'engagement public", en: "Public commitment" },
      statement: {
        fr: "La ville montre l'exemple en s'opposant à la discrimination contre les migrants et en faisant connaître son engagement envers l'égalité pour tous.",
        en: "The city leads by example in opposing discrimination against migrants and in making known its commitment to equality for all.",
      },
      rationale: {
        fr: "Une expression publique claire de l'engagement des dirigeants politiques déterminera et inspirera les activités du personnel municipal, des migrants et des intervenants externes à la municipalité. Cet engagement définira un contexte dans lequel des stratégies, des actions, des campagnes et des consultations pourront prendre place de manière efficace. Il constitue un point de référence non seulement pour la planification des services, mais également pour les personnes qui souhaitent aller au-delà du simple respect des règles pour trouver des solutions créatives aux problèmes.",
        en: "A clear public expression of commitment by political leaders will shape and inspire the work of municipal staff, migrants and stakeholders outside the municipality. This commitment sets a context in which strategies, actions, campaigns and consultations can take place effectively. It provides a reference point not only for service planning, but also for people who want to go beyond mere compliance with the rules and find creative solutions to problems.",
      },
      guidingQuestions: [
        {
          id: "kf-01-q1",
          text: {
            fr: "Existe-t-il une déclaration publique de l'engagement de la ville à combattre la discrimination contre les migrants ?",
            en: "Is there a public statement of the city's commitment to combating discrimination against migrants?",
          },
        },
        {
          id: "kf-01-q2",
          text: {
            fr: "Les dirigeants politiques se réfèrent-ils fréquemment à cet engagement ?",
            en: "Do political leaders refer to this commitment frequently?",
          },
        },
        {
          id: "kf-01-q3",
          text: {
            fr: "Cet engagement détermine-t-il et inspire-t-il les activités du personnel municipal, des migrants et des acteurs non municipaux ?",
            en: "Does this commitment shape and inspire the work of municipal staff, migrants and non-municipal actors?",
          },
        },
        {
          id: "kf-01-q4",
          text: {
            fr: "Ces acteurs y font-ils référence et s'en servent-ils pour trouver des solutions créatives aux problèmes ?",
            en: "Do these actors refer to it and use it to find creative solutions to problems?",
          },
        },
      ],
      examples: [
        {
          city: { fr: "Gand", en: "Ghent" },
          text: {
            fr: "La ville de Gand est en tête de file en Europe pour la lutte contre la discrimination visant les migrants. L'énoncé de la mission de la ville, Gand 2020, considère la durabilité sociale comme un objectif stratégique prioritaire. L'engagement de la lutte contre la discrimination trouve un écho dans les déclarations publiques du maire qui favorisent l'égalité et l'inclusion des migrants. La ville de Gand a signé la Charte des Villes d'intégration EUROCITIES, fait partie de la Coalition européenne des villes contre le racisme (ECCAR) et a reçu le label belge Égalité Diversité.",
            en: "The city of Ghent is a European frontrunner in combating discrimination against migrants. The city's mission statement, Ghent 2020, treats social sustainability as a priority strategic objective. The commitment to fighting discrimination is echoed in the mayor's public statements promoting equality and the inclusion of migrants. Ghent has signed the EUROCITIES Integrating Cities Charter, is a member of the European Coalition of Cities against Racism (ECCAR) and has received the Belgian Equality Diversity label.",
          },
        },
        {
          city: { fr: "Dublin", en: "Dublin" },
          text: {
            fr: "La campagne de Dublin « Une ville, une population » menée par le bureau de l'intégration de la municipalité offre une déclaration formelle contre le racisme et la discrimination tout en favorisant l'inclusion et l'intégration de la population immigrée de la ville. La campagne transmet aux médias et au public le message que Dublin est une ville ouverte qui respecte et embrasse les différences, une ville accessible, sûre et équitable, qui refuse le racisme et la discrimination.",
            en: "Dublin's “One City, One People” campaign, run by the city council's Office for Integration, provides a formal statement against racism and discrimination while promoting the inclusion and integration of the city's immigrant population. The campaign conveys to the media and the public the message that Dublin is an open city that respects and embraces difference – an accessible, safe and fair city that rejects racism and discrimination.",
          },
        },
      ],
    },
    {
      id: "kf-02",
      number: 2,
      title: { fr: "La stratégie", en: "Strategy" },
      statement: {
        fr: "La ville possède une stratégie en matière de lutte contre les discriminations qui identifie les migrants comme groupe cible.",
        en: "The city has an anti-discrimination strategy that identifies migrants as a target group.",
      },
      rationale: {
        fr: "Les droits des migrants ont peu de chances d'être respectés s'ils sont considérés comme un problème isolé. Pour être pleinement effectifs, ils doivent être replacés dans le contexte plus large d'une stratégie globale d'égalité des chances élaborée par la ville dans le cadre de ses activités essentielles et pleinement intégrée dans les actions et les programmes de la municipalité. Cette stratégie doit s'attaquer à la discrimination contre tous les groupes concernés, mais doit aussi identifier les migrants comme un groupe spécifique.",
        en: "Migrants' rights are unlikely to be respected if they are treated as an isolated issue. To be fully effective, they need to be placed in the wider context of a comprehensive equal opportunities strategy, developed by the city as part of its core business and fully integrated into the municipality's actions and programmes. This strategy should tackle discrimination against all the groups concerned, but should also identify migrants as a specific group.",
      },
      guidingQuestions: [
        {
          id: "kf-02-q1",
          text: {
            fr: "Votre ville présente-t-elle un document stratégique qui regroupe toutes les mesures contre la discrimination, que ce soit dans le cadre d'une politique autonome ou dans le cadre des programmes stratégiques de la ville ?",
            en: "Does your city have a strategy document that brings together all its measures against discrimination, whether as a stand-alone policy or as part of the city's strategic programmes?",
          },
        },
        {
          id: "kf-02-q2",
          text: {
            fr: "Cette stratégie définit-elle les buts et les priorités de la ville dans ce domaine, des actions, des programmes, des échéances prioritaires et des responsables nommés pour ces actions ?",
            en: "Does this strategy set out the city's aims and priorities in this field, with actions, programmes, priority deadlines and named people responsible for those actions?",
          },
        },
        {
          id: "kf-02-q3",
          text: {
            fr: "Cette stratégie identifie-t-elle les migrants comme groupe cible ?",
            en: "Does this strategy identify migrants as a target group?",
          },
        },
        {
          id: "kf-02-q4",
          text: {
            fr: "Cette stratégie est-elle intégrée dans les activités essentielles de la ville ?",
            en: "Is this strategy integrated into the city's core business?",
          },
        },
        {
          id: "kf-02-q5",
          text: {
            fr: "Les intervenants de l'administration municipale et des organismes partenaires ont-ils connaissance de cette stratégie et s'y réfèrent-ils dans leur travail ?",
            en: "Are stakeholders in the municipal administration and in partner organisations aware of this strategy, and do they refer to it in their work?",
          },
        },
      ],
      examples: [
        {
          city: { fr: "Malmö", en: "Malmö" },
          text: {
            fr: "La ville de Malmö dispose d'une stratégie de lutte contre la discrimination qui vise à « rendre la discrimination visible, à lutter contre elle, et à promouvoir les droits de l'homme et l'égalité de traitement ». Cette stratégie couvre la discrimination reposant sur le sexe, l'âge, le handicap, l'origine ethnique, la religion ou les croyances, l'orientation sexuelle et l'identité transgenre. Des mesures sont proposées dans le domaine de l'emploi, du logement, de la scolarité et de la participation citoyenne, avec des actions décrites concrètement et des ressources affectées à leur suivi. L'exécutif de la ville supervise la mise en œuvre des actions de la stratégie par les autorités compétentes. La communication des rapports est transparente, avec une présentation annuelle sur le site Web de la ville qui se base sur une combinaison de tests, d'échantillonnages, de questionnaires et d'entretiens.",
            en: "The city of Malmö has an anti-discrimination strategy that aims to “make discrimination visible, combat it, and promote human rights and equal treatment”. The strategy covers discrimination on grounds of sex, age, disability, ethnic origin, religion or belief, sexual orientation and transgender identity. Measures are proposed in employment, housing, schooling and civic participation, with concretely described actions and resources allocated to following them up. The city executive oversees the implementation of the strategy's actions by the relevant authorities. Reporting is transparent, with an annual presentation on the city's website based on a combination of testing, sampling, questionnaires and interviews.",
          },
        },
        {
          city: { fr: "Amsterdam", en: "Amsterdam" },
          text: {
            fr: "La ville d'Amsterdam a lancé en 2010 une stratégie destinée à lutter contre la discrimination fondée sur tous les motifs, notamment l'origine ethnique, la religion ou les croyances. L'une de ses actions principales est de faire connaître les différentes formes de discrimination et de sensibiliser le public sur la façon d'aborder et de signaler ces problèmes. La mise en œuvre de la stratégie est supervisée par le service du développement social et intégrée dans les services et les actions de la ville en lien, notamment, avec le marché du travail, l'éducation et la sécurité.",
            en: "In 2010 the city of Amsterdam launched a strategy to combat discrimination on all grounds, including ethnic origin, religion or belief. One of its main actions is to make the different forms of discrimination known and to inform the public about how to address and report these problems. Implementation of the strategy is overseen by the social development department and built into the city's services and actions relating, in particular, to the labour market, education and safety.",
          },
        },
      ],
    },
    {
      id: "kf-03",
      number: 3,
      title: { fr: "La coordination et la gouvernance", en: "Coordination and governance" },
      statement: {
        fr: "La ville a confié la responsabilité de la mise en œuvre de ses objectifs en matière de lutte contre les discriminations à une personne ou un organisme qui a suffisamment d'autorité pour assurer leur énonciation et la coordination des différents acteurs impliqués.",
        en: "The city has given responsibility for implementing its anti-discrimination objectives to a person or body with sufficient authority to ensure that they are clearly stated and that the various actors involved are coordinated.",
      },
      rationale: {
        fr: "Pour être appliquée et suivie avec succès, la lutte contre la discrimination requiert une personne (ou un organisme) à qui il a été confié des responsabilités précises, le mandat et l'autorité suffisante pour la superviser et coordonner l'ensemble des acteurs impliqués.",
        en: "To be implemented and monitored successfully, action against discrimination requires a person (or body) who has been given clear responsibilities and the mandate and sufficient authority to oversee it and to coordinate all the actors involved.",
      },
      guidingQuestions: [
        {
          id: "kf-03-q1",
          text: {
            fr: "Qui est responsable de la mise en œuvre de la stratégie en matière de lutte contre les discriminations et/ou des objectifs de votre ville dans ce domaine ?",
            en: "Who is responsible for implementing your city's anti-discrimination strategy and/or its objectives in this field?",
          },
        },
        {
          id: "kf-03-q2",
          text: {
            fr: "Est-ce que cette personne (ou cet organisme) a suffisamment d'autorité pour mener à bien cette mission ?",
            en: "Does this person (or body) have sufficient authority to carry out this task?",
          },
        },
        {
          id: "kf-03-q3",
          text: {
            fr: "Est-ce que cette personne (ou cet organisme) a les ressources nécessaires pour en assurer la mise en œuvre ?",
            en: "Does this person (or body) have the resources needed to ensure implementation?",
          },
        },
        {
          id: "kf-03-q4",
          text: {
            fr: "De quelle manière le travail des services et des bureaux se coordonne-t-il à l'intérieur et à l'extérieur de la municipalité pour mettre en œuvre les objectifs stratégiques de la ville en matière de lutte contre les discriminations ?",
            en: "How is the work of departments and offices coordinated, inside and outside the municipality, to implement the city's strategic anti-discrimination objectives?",
          },
        },
      ],
      examples: [
        {
          city: { fr: "Nantes", en: "Nantes" },
          text: {
            fr: "La ville de Nantes a adopté un plan d'action pour améliorer les droits d'accès et l'intégration, l'accès à la citoyenneté, la prévention de la discrimination et du racisme, et l'adaptation des services pour répondre à l'augmentation de la proportion des migrants vivant dans la ville. La mise en œuvre du plan, de ses 12 objectifs opérationnels et de ses 42 actions est coordonnée par la délégation de l'égalité, de l'intégration et de la citoyenneté. Le plan définit également les responsabilités des différents secteurs de l'administration pour chaque objectif. En outre, le service des Ressources humaines de la ville est responsable de la gestion de la dimension interne de la diversité de la ville et de la politique de l'égalité des chances.",
            en: "The city of Nantes has adopted an action plan to improve access rights and integration, access to citizenship, the prevention of discrimination and racism, and the adaptation of services to respond to the growing proportion of migrants living in the city. Implementation of the plan, its 12 operational objectives and its 42 actions is coordinated by the delegation for equality, integration and citizenship. The plan also sets out the responsibilities of the different sectors of the administration for each objective. In addition, the city's Human Resources department is responsible for managing the internal dimension of the city's diversity and its equal opportunities policy.",
          },
        },
      ],
    },
    {
      id: "kf-04",
      number: 4,
      title: { fr: "La consultation des migrants", en: "Consulting migrants" },
      statement: {
        fr: "La municipalité recherche l'avis des migrants sur l'efficacité de l'engagement de la ville en matière de lutte contre les discriminations.",
        en: "The municipality seeks migrants' views on the effectiveness of the city's anti-discrimination commitment.",
      },
      rationale: {
        fr: "La consultation des migrants sur l'efficacité et l'utilité des politiques de lutte contre les discriminations de la ville assure que cet engagement est régulièrement contrôlé, remis en question et amendé. Ces consultations peuvent s'intégrer à d'autres dispositifs de dialogue et de consultation avec les migrants et les organisations les représentant.",
        en: "Consulting migrants on the effectiveness and usefulness of the city's anti-discrimination policies ensures that this commitment is regularly monitored, challenged and amended. These consultations can be built into other arrangements for dialogue and consultation with migrants and the organisations that represent them.",
      },
      guidingQuestions: [
        {
          id: "kf-04-q1",
          text: {
            fr: "Votre ville dispose-t-elle de mécanismes spécifiques de consultation des migrants à propos de la discrimination dont ils peuvent faire l'objet lors de l'accès aux services de la ville ?",
            en: "Does your city have specific mechanisms for consulting migrants about the discrimination they may face when accessing city services?",
          },
        },
        {
          id: "kf-04-q2",
          text: {
            fr: "Ces consultations contrôlent-elles régulièrement et/ou remettent-elles en question le travail en matière de lutte contre les discriminations mené par votre ville ?",
            en: "Do these consultations regularly monitor and/or challenge the anti-discrimination work carried out by your city?",
          },
        },
        {
          id: "kf-04-q3",
          text: {
            fr: "Pouvez-vous citer des exemples de consultations ayant conduit à des changements de politiques et de pratiques de la ville ?",
            en: "Can you give examples of consultations that have led to changes in the city's policies and practices?",
          },
        },
      ],
      examples: [
        {
          city: { fr: "Nantes", en: "Nantes" },
          text: {
            fr: "Lancé par la ville de Nantes en 2004, le Conseil nantais pour la citoyenneté des étrangers offre aux migrants la possibilité d'exercer leurs droits civiques locaux et de contribuer activement à la politique de la ville. Comprenant des représentants de la ville, des experts et des représentants élus des organisations œuvrant contre la discrimination et sur les questions d'intégration, le conseil contribue au dialogue civique de la ville en permettant un échange formel et constructif entre la ville et ses communautés de migrants en pleine croissance. Les recommandations du conseil ont contribué, entre autres, au développement des politiques d'égalité des chances, de lutte contre les discriminations et d'intégration. Un groupe de travail spécifique du conseil est chargé de superviser les questions liées à la lutte contre les discriminations.",
            en: "Launched by the city of Nantes in 2004, the Nantes Council for the Citizenship of Foreign Residents (Conseil nantais pour la citoyenneté des étrangers) gives migrants the opportunity to exercise local civic rights and to contribute actively to city policy. Made up of city representatives, experts and elected representatives of organisations working against discrimination and on integration issues, the council contributes to the city's civic dialogue by enabling a formal and constructive exchange between the city and its fast-growing migrant communities. The council's recommendations have contributed, among other things, to the development of equal opportunities, anti-discrimination and integration policies. A dedicated working group of the council is responsible for overseeing anti-discrimination issues.",
          },
        },
        {
          city: { fr: "Gand", en: "Ghent" },
          text: {
            fr: "La ville de Gand soutient le Conseil consultatif @REM, une structure formelle de consultation des migrants prise en charge par le service Intégration de la ville qui fournit des conseils à la municipalité et au Bureau de la protection sociale sur des questions spécifiques liées à la diversité ethnoculturelle. Ce Conseil, comprenant des représentants des migrants et des experts de l'éducation, de l'emploi et de la diversité culturelle, émet des recommandations à la demande de la ville ou de sa propre initiative.",
            en: "The city of Ghent supports the @REM advisory council, a formal structure for consulting migrants, supported by the city's Integration service, which advises the municipality and the public social welfare office on specific issues related to ethnocultural diversity. The council, made up of migrant representatives and experts in education, employment and cultural diversity, issues recommendations at the city's request or on its own initiative.",
          },
        },
      ],
    },
    {
      id: "kf-05",
      number: 5,
      title: { fr: "L'implication des acteurs non municipaux", en: "Involving non-municipal actors" },
      statement: {
        fr: "La ville engage et mobilise des partenaires et des intervenants dans les secteurs public, privé et tiers pour soutenir ses objectifs en matière de lutte contre les discriminations.",
        en: "The city engages and mobilises partners and stakeholders in the public, private and third sectors to support its anti-discrimination objectives.",
      },
      rationale: {
        fr: "Les villes peuvent exercer une influence déterminante en dehors de leur domaine de compétence immédiat en incitant les ONG et les entreprises privées à contribuer à leur vision sur l'égalité des chances pour tous. Cela permet de trouver à leur tour des ressources nouvelles et des idées pour soutenir ce travail.",
        en: "Cities can exert decisive influence beyond their immediate remit by encouraging NGOs and private businesses to contribute to their vision of equal opportunities for all. This in turn can bring new resources and ideas to support this work.",
      },
      guidingQuestions: [
        {
          id: "kf-05-q1",
          text: {
            fr: "Comment votre ville cherche-t-elle à instiller des pratiques en matière de lutte contre les discriminations parmi les autres partenaires et acteurs locaux ?",
            en: "How does your city seek to instil anti-discrimination practices among other local partners and actors?",
          },
        },
        {
          id: "kf-05-q2",
          text: {
            fr: "Quelles mesures prend votre ville pour soutenir le travail en matière de lutte contre les discriminations, y compris dans des domaines où elle n'exerce aucune autorité directe ?",
            en: "What steps does your city take to support anti-discrimination work, including in areas where it has no direct authority?",
          },
        },
        {
          id: "kf-05-q3",
          text: {
            fr: "Est-ce que votre ville collabore avec les médias locaux pour faire en sorte que les migrants soient représentés équitablement ?",
            en: "Does your city work with the local media to ensure that migrants are fairly represented?",
          },
        },
        {
          id: "kf-05-q4",
          text: {
            fr: "Comment votre ville récompense-t-elle les bonnes pratiques en matière de lutte contre les discriminations des entreprises locales et/ou de la société civile ?",
            en: "How does your city reward good anti-discrimination practice by local businesses and/or civil society?",
          },
        },
      ],
      examples: [
        {
          city: { fr: "Copenhague", en: "Copenhagen" },
          text: {
            fr: "La ville de Copenhague a élaboré une Charte de la diversité que signent les organisations externes pour adhérer à la politique d'inclusion de la ville et qui fixe l'objectif ambitieux de devenir la « ville la plus accueillante d'Europe d'ici 2015 ». Cette initiative s'inscrit dans le cadre de l'objectif de la ville de mobiliser tous les secteurs et acteurs concernés tels que les entreprises privées, les établissements d'enseignement, les associations de logement, les organisations non gouvernementales, les médias, les bénévoles, les collectivités locales et les autres partenaires dans la mise en œuvre de sa stratégie. Les signataires de la Charte de la diversité s'engagent, entre autres, à « soutenir les initiatives qui favorisent la diversité et l'inclusion, et qui luttent contre la discrimination à Copenhague ». La Charte a été promue par les médias sociaux, ce qui a grandement attiré l'attention des habitants de la ville.",
            en: "The city of Copenhagen has drawn up a Diversity Charter, which external organisations sign to subscribe to the city's inclusion policy and which sets the ambitious goal of becoming “the most welcoming city in Europe by 2015”. The initiative is part of the city's aim of mobilising all the sectors and actors concerned – such as private companies, educational institutions, housing associations, non-governmental organisations, the media, volunteers, local authorities and other partners – in implementing its strategy. Signatories of the Diversity Charter commit, among other things, to “support initiatives that promote diversity and inclusion and that combat discrimination in Copenhagen”. The Charter was promoted through social media, which drew a great deal of attention from the city's residents.",
          },
        },
        {
          city: { fr: "Tampere", en: "Tampere" },
          text: {
            fr: "La ville de Tampere fait partie de RASMUS, un réseau national composé de représentants de plus de 30 organisations, y compris les associations locales de migrants et les autorités locales qui combattent le racisme et la xénophobie et souhaitent promouvoir la diversité et les droits de l'homme. Tampere utilise son implication dans ce réseau pour engager ses membres dans la planification et la mise en œuvre d'une semaine annuelle contre le racisme dans la ville, cofinancée par le gouvernement national et les municipalités.",
            en: "The city of Tampere is part of RASMUS, a national network of representatives of more than 30 organisations, including local migrant associations and local authorities, that combat racism and xenophobia and seek to promote diversity and human rights. Tampere uses its involvement in the network to engage its members in planning and running an annual anti-racism week in the city, co-funded by the national government and the municipalities.",
          },
        },
      ],
    },
    {
      id: "kf-06",
      number: 6,
      title: { fr: "L'emploi municipal", en: "Municipal employment" },
      statement: {
        fr: "La ville a une politique d'égalité des chances en termes d'emploi municipal qui garantit un traitement juste et équitable par les gestionnaires et les collègues.",
        en: "The city has an equal opportunities policy for municipal employment that guarantees fair and equitable treatment by managers and colleagues.",
      },
      rationale: {
        fr: "En qualité d'employeur, la ville peut devenir un modèle important pour d'autres employeurs locaux. L'égalité des chances sur le marché du travail local ne peut être réalisée que si l'administration municipale elle-même s'avère être un employeur équitable.",
        en: "As an employer, the city can become an important role model for other local employers. Equal opportunities in the local labour market can only be achieved if the municipal administration itself proves to be a fair employer.",
      },
      guidingQuestions: [
        {
          id: "kf-06-q1",
          text: {
            fr: "Votre ville a-t-elle établi des politiques écrites de lutte contre les discriminations ?",
            en: "Has your city established written anti-discrimination policies?",
          },
        },
        {
          id: "kf-06-q2",
          text: {
            fr: "Ces politiques comprennent-elles l'accès à un recours en cas de discrimination, à chacun des niveaux suivants ?",
            en: "Do these policies include access to redress in cases of discrimination at each of the following levels?",
          },
          subItems: [
            { fr: "Le recrutement", en: "Recruitment" },
            { fr: "La formation du personnel", en: "Staff training" },
            { fr: "Les relations sur le lieu de travail", en: "Workplace relations" },
          ],
        },
        {
          id: "kf-06-q3",
          text: {
            fr: "Comment ces politiques sont-elles appliquées ?",
            en: "How are these policies implemented?",
          },
        },
        {
          id: "kf-06-q4",
          text: {
            fr: "Est-ce que votre ville met en œuvre des mesures visant à surmonter la discrimination (directe et indirecte) subie par les migrants ?",
            en: "Does your city implement measures to overcome the (direct and indirect) discrimination experienced by migrants?",
          },
        },
        {
          id: "kf-06-q5",
          text: {
            fr: "Si une loi adoptée à d'autres niveaux de l'État tend à provoquer des discriminations en matière d'emploi, votre ville prend-elle des mesures pour surmonter cet obstacle ?",
            en: "If legislation adopted at other levels of government tends to cause discrimination in employment, does your city take steps to overcome this obstacle?",
          },
        },
        {
          id: "kf-06-q6",
          text: {
            fr: "Les migrants déclarent-ils observer un accès équitable aux services de l'emploi ?",
            en: "Do migrants report that they experience fair access to employment services?",
          },
        },
        {
          id: "kf-06-q7",
          text: {
            fr: "Avez-vous des éléments montrant que vos politiques et procédures antidiscriminatoires en termes d'emploi servent de modèles de bonnes pratiques à d'autres employeurs locaux ?",
            en: "Do you have evidence that your anti-discrimination employment policies and procedures serve as models of good practice for other local employers?",
          },
        },
      ],
      examples: [
        {
          city: { fr: "Helsinki", en: "Helsinki" },
          text: {
            fr: "Avec environ 38 000 employés, la ville d'Helsinki est l'un des plus gros employeurs de Finlande. Afin de surmonter le handicap de la langue, la Direction des Ressources humaines de la ville d'Helsinki coordonne une vaste gamme de cours de langue et de services linguistiques pour les migrants. Amiedu, une fondation détenue et financée par la ville, offre une formation en finnois deuxième langue pour les employés immigrants sur leur lieu de travail. Les cours sont adaptés aux besoins des employés et des gestionnaires et favorisent l'intégration dans le milieu de travail et la gestion de la diversité. Ceux qui obtiennent un bon niveau en finnois se voient offrir un large éventail de qualifications professionnelles qui leur permet d'avancer dans leur cheminement de carrière.",
            en: "With around 38,000 employees, the city of Helsinki is one of the largest employers in Finland. To overcome the language barrier, the City of Helsinki's Human Resources department coordinates a wide range of language courses and language services for migrants. Amiedu, a foundation owned and funded by the city, provides training in Finnish as a second language for immigrant employees at their workplace. The courses are tailored to the needs of employees and managers and promote integration into the workplace and diversity management. Those who reach a good level of Finnish are offered a wide range of vocational qualifications that help them advance in their careers.",
          },
        },
        {
          city: { fr: "Rennes Métropole", en: "Rennes Métropole" },
          text: {
            fr: "Rennes Métropole organise depuis 2010 un projet intitulé « Objectif Concours » pour contrecarrer la discrimination dans l'emploi à laquelle font face les diplômés de l'enseignement supérieur issus des quartiers les plus défavorisés de la ville. Le projet consiste en un système de tutorat où des stages sont offerts chaque année par la municipalité à 10 jeunes diplômés et qui comprennent une expérience de travail et l'encadrement par un responsable municipal tuteur. Cette expérience d'un emploi réel et le soutien personnalisé sont considérés comme des facteurs clés de succès dans les examens du secteur public, compensant ainsi les difficultés que connaissent certains candidats.",
            en: "Since 2010 Rennes Métropole has run a project called “Objectif Concours” (Target: Civil Service Exams) to counter the employment discrimination faced by higher-education graduates from the city's most disadvantaged neighbourhoods. The project is a mentoring scheme in which the municipality offers placements each year to 10 young graduates, combining work experience with supervision by a municipal manager acting as mentor. This experience of a real job and the personalised support are seen as key success factors in public-sector entrance exams, compensating for the difficulties some candidates face.",
          },
        },
      ],
    },
    {
      id: "kf-07",
      number: 7,
      title: {
        fr: "La lutte contre la discrimination dans les services essentiels",
        en: "Tackling discrimination in key services",
      },
      statement: {
        fr: "Les objectifs de la politique de lutte contre les discriminations sont intégrés dans les politiques et les services de la ville, résultant en des programmes d'action visant à assurer un accès équitable à tous les services essentiels tels que le logement, l'éducation (y compris la formation des adultes et l'apprentissage des langues), les loisirs, la santé, les services sociaux, les soins, l'emploi, les entreprises, la formation et la passation de marchés.",
        en: "Anti-discrimination policy objectives are built into the city's policies and services, resulting in action programmes to ensure fair access to all key services such as housing, education (including adult education and language learning), leisure, health, social services, care, employment, business, training and procurement.",
      },
      rationale: {
        fr: "La stratégie d'égalité des chances devient efficace quand :\n- elle touche tous les domaines de l'activité municipale ;\n- elle est intégrée dans la programmation de chaque service ;\n- elle est admise par l'ensemble des membres du personnel comme une partie essentielle de leur travail ;\n- elle permet un accès équitable aux services pour tous les usagers.",
        en: "The equal opportunities strategy becomes effective when:\n- it covers every area of municipal activity;\n- it is built into the planning of each service;\n- it is accepted by all staff as an essential part of their work;\n- it provides fair access to services for all users.",
      },
      guidingQuestions: [
        {
          id: "kf-07-q1",
          text: {
            fr: "Est-ce que la stratégie en matière de lutte contre les discriminations a été mise en œuvre à tous les niveaux et dans tous les services ?",
            en: "Has the anti-discrimination strategy been implemented at all levels and in all services?",
          },
        },
        {
          id: "kf-07-q2",
          text: {
            fr: "L'objectif de lutte contre les discriminations figure-t-il dans la planification de tous les services ?",
            en: "Is the anti-discrimination objective included in the planning of all services?",
          },
        },
        {
          id: "kf-07-q3",
          text: {
            fr: "Les objectifs en matière de lutte contre les discriminations sont-ils reconnus par l'ensemble du personnel comme un élément essentiel de leur travail ?",
            en: "Are anti-discrimination objectives recognised by all staff as an essential part of their work?",
          },
        },
        {
          id: "kf-07-q4",
          text: {
            fr: "Lorsque la législation adoptée par d'autres niveaux de l'État peut restreindre l'accès aux services, votre ville œuvre-t-elle à minimiser ses effets négatifs potentiels en utilisant toutes les exemptions ou les pouvoirs discrétionnaires à sa disposition ?",
            en: "Where legislation adopted at other levels of government may restrict access to services, does your city work to minimise its potential negative effects by using any exemptions or discretionary powers available to it?",
          },
        },
        {
          id: "kf-07-q5",
          text: {
            fr: "Est-ce que votre ville travaille avec des partenaires pour développer l'accès équitable des migrants à tous les services locaux ?",
            en: "Does your city work with partners to develop migrants' fair access to all local services?",
          },
        },
        {
          id: "kf-07-q6",
          text: {
            fr: "Les migrants signalent-ils des niveaux de satisfaction similaires aux non-migrants quand ils sont interrogés sur leur expérience d'usagers des services ?",
            en: "Do migrants report levels of satisfaction similar to those of non-migrants when asked about their experience as service users?",
          },
        },
      ],
      examples: [
        {
          city: { fr: "Gand", en: "Ghent" },
          text: {
            fr: "La ville de Gand propose un service de traduction et d'interprétation utilisable gratuitement par les services municipaux, les fournisseurs de soins de santé, les établissements d'enseignement et les organismes de protection sociale dans le cadre de budgets-temps alloués. Selon les ONG locales et les fonctionnaires municipaux, ce service a amélioré considérablement l'accès des migrants aux services et facilité le travail des prestataires de services.",
            en: "The city of Ghent offers a translation and interpreting service that municipal services, healthcare providers, educational institutions and social welfare bodies can use free of charge within allocated time budgets. According to local NGOs and municipal officials, the service has considerably improved migrants' access to services and made service providers' work easier.",
          },
        },
        {
          city: { fr: "Lublin", en: "Lublin" },
          text: {
            fr: "La ville de Lublin traite activement les questions de la discrimination et de la diversité dans l'éducation par des moyens légaux et d'autres ressources. Bien que la ville forme une communauté relativement homogène avec une très grande majorité de Polonais d'origine, la ville entreprend des actions pour combattre les préjugés et la discrimination, et favoriser le métissage ethnique/culturel dans les écoles de la ville. Elle a établi l'obligation pour les écoles de constituer des classes mixtes et d'intégrer les enfants roms avec les enfants issus du groupe majoritaire. Des formations interculturelles sont organisées pour les enseignants et les fonctionnaires, et la ville emploie des assistants interculturels pour travailler avec les élèves d'origines mixtes.",
            en: "The city of Lublin actively addresses discrimination and diversity in education through legal means and other resources. Although the city is a relatively homogeneous community with a very large majority of ethnic Poles, it takes action to combat prejudice and discrimination and to encourage ethnic/cultural mixing in the city's schools. It has made it compulsory for schools to form mixed classes and to integrate Roma children with children from the majority group. Intercultural training is organised for teachers and civil servants, and the city employs intercultural assistants to work with pupils of mixed backgrounds.",
          },
        },
      ],
    },
    {
      id: "kf-08",
      number: 8,
      title: { fr: "La formation du personnel municipal", en: "Training municipal staff" },
      statement: {
        fr: "Les employés municipaux sont formés et informés sur la législation luttant contre la discrimination et sur la manière de promouvoir l'égalité d'accès pour tous les usagers, y compris les migrants.",
        en: "Municipal employees are trained and informed about anti-discrimination legislation and about how to promote equal access for all service users, including migrants.",
      },
      rationale: {
        fr: "Le travail en matière de lutte contre les discriminations exige des compétences, et l'utilisation de techniques actualisées de détection et de traitement de la discrimination. Le personnel qui délivre les services a également besoin de connaître parfaitement les droits des migrants en matière de discrimination et de recours.",
        en: "Anti-discrimination work requires skills and the use of up-to-date techniques for detecting and dealing with discrimination. Staff who deliver services also need a thorough knowledge of migrants' rights regarding discrimination and redress.",
      },
      guidingQuestions: [
        {
          id: "kf-08-q1",
          text: {
            fr: "Quelles mesures prend votre ville pour s'assurer que tous les nouveaux employés reçoivent une formation à la législation, aux mesures et aux techniques en matière de lutte contre les discriminations ?",
            en: "What steps does your city take to ensure that all new employees receive training in anti-discrimination legislation, measures and techniques?",
          },
        },
        {
          id: "kf-08-q2",
          text: {
            fr: "Est-ce que cette formation tient spécifiquement compte des risques de discrimination contre les migrants ?",
            en: "Does this training specifically take account of the risks of discrimination against migrants?",
          },
        },
        {
          id: "kf-08-q3",
          text: {
            fr: "Votre personnel municipal reçoit-il régulièrement les actualisations de la législation, des mesures et des techniques en matière de lutte contre les discriminations ?",
            en: "Do your municipal staff regularly receive updates on anti-discrimination legislation, measures and techniques?",
          },
        },
        {
          id: "kf-08-q4",
          text: {
            fr: "Le personnel peut-il utiliser ces connaissances pour favoriser l'accès des migrants aux services ?",
            en: "Can staff use this knowledge to improve migrants' access to services?",
          },
        },
        {
          id: "kf-08-q5",
          text: {
            fr: "Votre ville est-elle en mesure d'évaluer les effets de la formation du personnel dans ce domaine ?",
            en: "Is your city able to evaluate the effects of staff training in this field?",
          },
        },
      ],
      examples: [
        {
          city: { fr: "Vienne", en: "Vienna" },
          text: {
            fr: "La ville de Vienne offre plusieurs formations antidiscrimination à différents groupes cibles du personnel municipal. Ces formations portent sur la discrimination au sein de la municipalité et plus largement, au sein de la communauté, et couvrent des sujets tels que les types et les motifs de discriminations, la législation européenne, nationale et régionale relative à la discrimination et les mandats des institutions locales dans la lutte contre la discrimination. Des études de cas permettent d'appliquer le contenu des formations à la vie professionnelle quotidienne des participants.",
            en: "The city of Vienna offers several anti-discrimination training courses to different target groups of municipal staff. The courses deal with discrimination within the municipality and, more widely, within the community, and cover topics such as the types and grounds of discrimination, European, national and regional anti-discrimination legislation, and the mandates of local institutions in combating discrimination. Case studies make it possible to apply the course content to participants' day-to-day working lives.",
          },
        },
        {
          city: { fr: "Madrid", en: "Madrid" },
          text: {
            fr: "La ville de Madrid sensibilise aux questions de discrimination et de xénophobie au sein de son personnel en incluant ces questions dans les cours de formation du personnel offerts par l'Institut de Formation et d'Études du gouvernement local de Madrid – un organisme qui propose des formations spécifiques aux personnes qui travaillent pour la municipalité. En outre, un programme destiné au personnel travaillant directement avec les migrants, comme les chargés de mission, les travailleurs sociaux et autres, vise à accroître les connaissances et la sensibilisation aux questions de l'interculturalité et de la diversité parmi les gestionnaires municipaux à tous les niveaux.",
            en: "The city of Madrid raises awareness of discrimination and xenophobia among its staff by including these issues in the staff training courses offered by the Madrid local government's Institute for Training and Studies – a body that provides specific training for people who work for the municipality. In addition, a programme for staff working directly with migrants, such as project officers, social workers and others, aims to increase knowledge and awareness of interculturality and diversity issues among municipal managers at all levels.",
          },
        },
      ],
    },
    {
      id: "kf-09",
      number: 9,
      title: {
        fr: "La sensibilisation des migrants à leurs droits",
        en: "Making migrants aware of their rights",
      },
      statement: {
        // The seed splits the two information topics into a bullet list; kept
        // as one sentence so the statement reads as a single verifiable claim.
        fr: "La ville prend des mesures efficaces pour communiquer aux migrants des informations sur leurs droits en matière de discrimination et sur les moyens de trouver de l'aide et d'effectuer des recours quand ils estiment que leurs droits ont été bafoués.",
        en: "The city takes effective steps to give migrants information about their rights regarding discrimination and about how to find help and seek redress when they believe their rights have been violated.",
      },
      rationale: {
        fr: "Bien que les villes ne soient généralement pas responsables de la législation contre la discrimination ou de son application, elles peuvent financer et soutenir les ressources de sensibilisation qui informent les migrants sur leurs droits et leur permettent de prendre des mesures contre la discrimination dans tous les domaines de leur vie.",
        en: "Although cities are not usually responsible for anti-discrimination legislation or its enforcement, they can fund and support awareness-raising resources that inform migrants about their rights and enable them to take action against discrimination in all areas of their lives.",
      },
      guidingQuestions: [
        {
          id: "kf-09-q1",
          text: {
            fr: "Est-ce que la stratégie de votre ville en matière de lutte contre les discriminations comprend l'objectif d'informer les migrants de leurs droits et quelles mesures prend la ville pour remplir cet objectif ?",
            en: "Does your city's anti-discrimination strategy include the objective of informing migrants of their rights, and what steps does the city take to meet this objective?",
          },
        },
        {
          id: "kf-09-q2",
          text: {
            fr: "Existe-t-il dans votre ville des comités de soutien ou des organisations qui permettent de lutter contre la discrimination ?",
            en: "Are there support committees or organisations in your city that help to combat discrimination?",
          },
        },
        {
          id: "kf-09-q3",
          text: {
            fr: "De quelle manière votre ville soutient-elle ce type de services ?",
            en: "How does your city support this type of service?",
          },
        },
        {
          id: "kf-09-q4",
          text: {
            fr: "De quelle manière votre ville vérifie-t-elle, par exemple au moyen de sondages, que les migrants connaissent leurs droits ?",
            en: "How does your city check, for example through surveys, that migrants know their rights?",
          },
        },
      ],
      examples: [
        {
          city: { fr: "Gand", en: "Ghent" },
          text: {
            fr: "La ville de Gand emploie un certain nombre de stratégies visant à accroître la connaissance de ses communautés sur leurs droits. L'Observatoire de la discrimination reçoit et examine les allégations de discrimination dans la ville. Les migrants peuvent se renseigner sur leurs droits dans les programmes d'intégration civique menés par Kom-Pas ou Transithuis, deux ONG soutenues par la ville. Le service juridique lui-même du service Intégration de la ville fournit également des informations sur les droits et les options en matière de statut juridique, contribuant ainsi à éviter certaines formes de discrimination. Il propose aux migrants des brochures et des sessions de formation sur leurs droits.",
            en: "The city of Ghent uses a number of strategies to increase its communities' knowledge of their rights. The Discrimination Observatory receives and investigates allegations of discrimination in the city. Migrants can learn about their rights in the civic integration programmes run by Kom-Pas or Transithuis, two NGOs supported by the city. The legal service of the city's Integration department itself also provides information on rights and legal status options, thereby helping to prevent certain forms of discrimination. It offers migrants brochures and training sessions on their rights.",
          },
        },
        {
          city: { fr: "Amsterdam", en: "Amsterdam" },
          text: {
            fr: "La ville d'Amsterdam a lancé en 2011 une campagne visant à lutter contre toutes les formes de discrimination. Des affiches, des dépliants, des spots d'information, des bracelets, des panneaux d'affichage et une page Facebook ont décliné le slogan de la campagne : « La discrimination, Amsterdam veut en venir à bout ». Une identité visuelle a été développée à cette occasion par une société de communication tandis que la ville a coordonné les actions principales, les manifestations et les événements. La deuxième phase de l'opération comprenait une campagne de communication commune avec les districts et les organismes municipaux.",
            en: "In 2011 the city of Amsterdam launched a campaign to combat all forms of discrimination. Posters, leaflets, information spots, wristbands, billboards and a Facebook page carried the campaign slogan: “Discrimination – Amsterdam wants to put an end to it”. A visual identity was developed for the occasion by a communications agency, while the city coordinated the main activities, public gatherings and events. The second phase of the operation included a joint communication campaign with the districts and municipal bodies.",
          },
        },
      ],
    },
    {
      id: "kf-10",
      number: 10,
      title: { fr: "La passation de marchés", en: "Procurement" },
      statement: {
        fr: "La ville a une politique efficace d'égalité des chances en matière de passation de marchés qui interdit la discrimination dans l'octroi de contrats municipaux et comprend l'accès possible à un recours des parties lésées.",
        en: "The city has an effective equal opportunities policy for procurement that prohibits discrimination in the award of municipal contracts and includes possible access to redress for aggrieved parties.",
      },
      rationale: {
        fr: "En tant qu'acheteur de premier ordre de biens et services, la ville peut contribuer à l'intégration quand elle défend le principe d'égalité des chances dans ses politiques de passation de marchés. Elle peut faire en sorte que les entreprises détenues par des migrants ne soient pas désavantagées lorsqu'elles tentent de conclure des contrats avec le secteur public et faire affaire uniquement avec les entreprises qui respectent elles-mêmes la législation anti-discrimination.",
        en: "As a major purchaser of goods and services, the city can contribute to integration when it upholds the principle of equal opportunities in its procurement policies. It can ensure that migrant-owned businesses are not disadvantaged when they try to win public-sector contracts, and do business only with companies that themselves comply with anti-discrimination legislation.",
      },
      guidingQuestions: [
        {
          id: "kf-10-q1",
          text: {
            fr: "Comment votre ville veille-t-elle à ce que les fournisseurs migrants de biens et de services (c'est-à-dire, des entreprises dirigées par des migrants) aient un accès équitable à tous les processus de passation de marchés ?",
            en: "How does your city ensure that migrant suppliers of goods and services (that is, migrant-led businesses) have fair access to all procurement processes?",
          },
        },
        {
          id: "kf-10-q2",
          text: {
            fr: "Votre ville a-t-elle vérifié que ses processus de passation de marchés ne recèlent pas d'obstacles cachés ou indirects (tels qu'une préférence pour les plus grandes entreprises ou celles établies depuis plus longtemps) qui empêchent les migrants d'entrer en concurrence en tant que fournisseurs ?",
            en: "Has your city checked that its procurement processes contain no hidden or indirect barriers (such as a preference for larger or longer-established companies) that prevent migrants from competing as suppliers?",
          },
        },
        {
          id: "kf-10-q3",
          text: {
            fr: "Votre ville surveille-t-elle ses processus de passation de marchés et en évalue-t-elle les résultats, en vue de les modifier, le cas échéant ?",
            en: "Does your city monitor its procurement processes and evaluate their outcomes, with a view to changing them where necessary?",
          },
        },
      ],
      examples: [
        {
          city: { fr: "Stockholm", en: "Stockholm" },
          text: {
            fr: "La ville de Stockholm a introduit en 2005 une clause antidiscrimination dans tous ses contrats d'approvisionnement en biens et services. Elle oblige tous les entrepreneurs à se conformer à la législation antidiscrimination en vigueur et à fournir des rapports écrits, sur demande, sur toutes les mesures prises pour l'égalité des chances. Les sous-traitants doivent satisfaire aux mêmes exigences et les entrepreneurs sont chargés d'y veiller. Si un fournisseur se révèle non conforme, la ville a le droit de résilier son contrat.",
            en: "In 2005 the city of Stockholm introduced an anti-discrimination clause into all its contracts for the supply of goods and services. It requires all contractors to comply with current anti-discrimination legislation and to provide written reports, on request, on all the measures they have taken for equal opportunities. Subcontractors must meet the same requirements, and contractors are responsible for ensuring that they do. If a supplier is found to be non-compliant, the city has the right to terminate its contract.",
          },
        },
        {
          city: { fr: "Gand", en: "Ghent" },
          text: {
            fr: "En 2010, la ville de Gand a été la première ville belge à introduire une clause anti-discrimination dans ses contrats avec tous les fournisseurs, exigeant que chaque société s'engage :\n- à ne tolérer aucune forme de discrimination fondée sur le sexe, la nationalité, la race, la couleur de peau, l'origine ethnique, l'âge, l'orientation sexuelle, les convictions politiques, la langue, l'état de santé, le handicap, l'aspect physique, les facteurs génétiques ou l'origine sociale ;\n- à être accessible à tous ;\n- à prévenir tout comportement discriminatoire au travail ;\n- à respecter toutes les lois relatives à la non-discrimination et à l'égalité des droits ;\n- à imposer les mêmes normes à tous les sous-traitants.\n\nCette clause fait partie de la politique d'approvisionnement durable de la ville, qui cherche le meilleur rapport qualité-prix défini comme la combinaison optimale des coûts globaux et des avantages, et couvre donc des objectifs sociaux, environnementaux et d'autres intérêts, et vise à inculquer les valeurs de services publics dans les contrats.",
            en: "In 2010 Ghent became the first Belgian city to introduce an anti-discrimination clause into its contracts with all suppliers, requiring each company to undertake:\n- not to tolerate any form of discrimination based on sex, nationality, race, skin colour, ethnic origin, age, sexual orientation, political beliefs, language, state of health, disability, physical appearance, genetic factors or social origin;\n- to be accessible to all;\n- to prevent any discriminatory behaviour at work;\n- to comply with all laws on non-discrimination and equal rights;\n- to impose the same standards on all subcontractors.\n\nThe clause is part of the city's sustainable procurement policy, which seeks best value for money – defined as the optimal combination of whole-life costs and benefits – and therefore covers social, environmental and other objectives, and aims to build public-service values into contracts.",
          },
        },
      ],
    },
    {
      id: "kf-11",
      number: 11,
      title: { fr: "Le suivi et l'évaluation", en: "Monitoring and evaluation" },
      statement: {
        fr: "La ville contrôle l'accès des migrants à tous les services essentiels, qu'ils soient gérés ou non par la municipalité ; elle évalue les résultats des enquêtes et prend des mesures.",
        en: "The city monitors migrants' access to all key services, whether or not they are run by the municipality; it evaluates survey results and takes action.",
      },
      rationale: {
        fr: "Pour savoir si une stratégie anti-discrimination fonctionne réellement sur le terrain et dans le but d'identifier les points faibles, il est essentiel que la ville mesure l'utilisation des services par les migrants et leur niveau de satisfaction par rapport à la population globale. Les informations nécessaires peuvent être difficiles à obtenir – par exemple, lorsque les services ne sont pas gérés directement par la ville elle-même, ou dans les pays où des enquêtes à l'échelle nationale ne fournissent pas ce type de données (notamment parce que l'idée d'enregistrer l'origine ethnique ou le pays d'origine n'est pas bien établie). Ainsi, la collecte de ces informations peut exiger des méthodes novatrices mises au point par la ville en concertation avec les partenaires locaux.",
        en: "To find out whether an anti-discrimination strategy really works on the ground, and to identify weak points, it is essential that the city measures migrants' use of services and their level of satisfaction compared with the population as a whole. The information needed can be hard to obtain – for example, where services are not run directly by the city itself, or in countries where national surveys do not provide this kind of data (in particular because the idea of recording ethnic origin or country of origin is not well established). Collecting this information may therefore require innovative methods developed by the city together with local partners.",
      },
      guidingQuestions: [
        {
          id: "kf-11-q1",
          text: {
            fr: "Votre ville mène-t-elle des enquêtes régulières pour demander aux migrants de rendre compte de leur expérience concernant la discrimination à laquelle ils pourraient être confrontés ?",
            en: "Does your city carry out regular surveys asking migrants to report on their experience of any discrimination they may face?",
          },
        },
        {
          id: "kf-11-q2",
          text: {
            fr: "Ces enquêtes sont-elles intégrées dans les processus de planification de la ville ?",
            en: "Are these surveys built into the city's planning processes?",
          },
        },
        {
          id: "kf-11-q3",
          text: {
            fr: "Votre ville contrôle-t-elle l'accès à ses services, notamment du point de vue de l'emploi municipal, en identifiant les migrants comme groupe cible ?",
            en: "Does your city monitor access to its services, including municipal employment, identifying migrants as a target group?",
          },
        },
        {
          id: "kf-11-q4",
          text: {
            fr: "Analysez-vous régulièrement les résultats des enquêtes et des mesures de contrôle ?",
            en: "Do you regularly analyse the results of surveys and monitoring?",
          },
        },
        {
          id: "kf-11-q5",
          text: {
            fr: "Ces analyses font-elles partie des évaluations plus larges menées habituellement par votre ville ?",
            en: "Are these analyses part of the broader evaluations your city routinely carries out?",
          },
        },
        {
          id: "kf-11-q6",
          text: {
            fr: "Ces analyses et évaluations conduisent-elles à des changements dans les pratiques de votre ville ?",
            en: "Do these analyses and evaluations lead to changes in your city's practices?",
          },
        },
      ],
      examples: [
        {
          city: { fr: "Copenhague", en: "Copenhagen" },
          text: {
            fr: "La ville de Copenhague dispose d'un large éventail de mécanismes pour établir un état des discriminations parmi sa population. La ville mène une enquête annuelle sur la discrimination au cours de laquelle elle interroge les citoyens sur leur expérience en matière de discrimination. Dans le passé, cette enquête a montré que les jeunes d'origine non danoise ont presque trois fois plus de risques d'être victimes de discrimination que les Danois d'origine. En outre, la ville recueille des renseignements sur le signalement de faits discriminatoires par le biais de son médiateur, d'une ligne d'assistance téléphonique et d'un processus de signalement anonyme sur une page Web. La municipalité dispose ainsi d'un tableau général de la discrimination, ce qui lui permet de prendre note de situations existantes ou potentiellement émergentes de discrimination et de prendre les mesures adéquates.",
            en: "The city of Copenhagen has a wide range of mechanisms for mapping discrimination among its population. The city carries out an annual discrimination survey in which it asks citizens about their experience of discrimination. In the past, this survey has shown that young people of non-Danish origin are almost three times more likely to experience discrimination than ethnic Danes. In addition, the city gathers information on reported incidents of discrimination through its ombudsman, a telephone helpline and an anonymous online reporting process. The municipality thus has an overall picture of discrimination, which allows it to take note of existing or potentially emerging situations of discrimination and to take appropriate action.",
          },
        },
      ],
    },
  ],
  contextualFactorsIntro: {
    fr: "L'expérience acquise par les villes montre que les facteurs hors de contrôle des municipalités sont ceux qui exercent l'impact le plus probable sur l'intégration des migrants, ce qui rend cette question plus complexe. Au travers du projet MIXITÉS, EUROCITIES a défini une liste des facteurs contextuels susceptibles d'empêcher votre ville d'atteindre les points de référence. Vous êtes invité à vous référer à ces facteurs, énumérés à la fin des points de référence, ce qui peut être pertinent pour déterminer la progression de votre ville en matière de lutte contre les discriminations.\n\nVoici une liste de facteurs qui peuvent affecter la capacité de votre ville à atteindre le point de référence. Vous pouvez vous référer à ces derniers en utilisant la boîte à outils pour expliquer le contexte particulier dans lequel opère votre ville pour atteindre la norme européenne.",
    en: "Cities' experience shows that factors outside the municipality's control are the ones most likely to affect migrant integration, which makes this question more complex. Through the MIXITÉS project, EUROCITIES drew up a list of contextual factors that may prevent your city from meeting the benchmark. You are invited to refer to these factors, listed at the end of the benchmark, which may be relevant in judging your city's progress in combating discrimination.\n\nBelow is a list of factors that can affect your city's ability to meet the benchmark. You can refer to them when using the toolkit to explain the particular context in which your city is working towards the European standard.",
  },
  contextualFactors: [
    {
      id: "cf-national-legislation-and-policy",
      title: { fr: "Législation et politique nationale", en: "National legislation and policy" },
      description: {
        fr: "Le cadre législatif et les politiques définis au niveau national, qui délimitent la marge d'action de la ville.",
        en: "The legislative and policy framework set at national level, which defines the city's room for manoeuvre.",
      },
      implications: {
        fr: "Répartition des compétences entre les administrations centrales et municipales ; règles limitant le pouvoir de la ville en matière de prestation de services aux migrants ou la manière de proposer ces services.",
        en: "Division of powers between central and municipal government; rules limiting the city's power to provide services to migrants, or the way in which those services may be offered.",
      },
    },
    {
      id: "cf-data-availability",
      title: { fr: "Disponibilité des données", en: "Data availability" },
      description: {
        fr: "Les données quantitatives et qualitatives dont la ville dispose pour observer la discrimination et l'accès des migrants aux services.",
        en: "The quantitative and qualitative data available to the city for observing discrimination and migrants' access to services.",
      },
      implications: {
        fr: "Limites des sources de données quantitatives ou, le cas échéant, des informations qualitatives.",
        en: "Limitations of quantitative data sources or, where relevant, of qualitative information.",
      },
    },
    {
      id: "cf-migrant-populations",
      title: { fr: "Populations de migrants", en: "Migrant populations" },
      description: {
        fr: "L'histoire migratoire de la ville et la composition de ses populations migrantes.",
        en: "The city's migration history and the make-up of its migrant populations.",
      },
      implications: {
        fr: "Histoire de la migration, y compris les évolutions récentes ; constitution des populations migrantes actuelles (par exemple, besoins linguistiques, diversité, liens avec un établissement antérieur).",
        en: "Migration history, including recent developments; make-up of current migrant populations (for example, language needs, diversity, links with earlier settlement).",
      },
    },
    {
      id: "cf-labour-market-and-economy",
      title: {
        fr: "Marché du travail et autres conditions économiques",
        en: "Labour market and other economic conditions",
      },
      description: {
        fr: "La situation économique locale, notamment l'état du marché du travail.",
        en: "The local economic situation, in particular the state of the labour market.",
      },
      implications: {
        fr: "Taux de chômage et besoins en compétences des employeurs locaux, possibilités de travail indépendant.",
        en: "Unemployment rate and local employers' skills needs; opportunities for self-employment.",
      },
    },
    {
      id: "cf-city-resources",
      title: { fr: "Ressources de la ville", en: "City resources" },
      description: {
        fr: "Les moyens financiers dont la ville dispose pour agir.",
        en: "The financial means the city has available to take action.",
      },
      implications: {
        fr: "Disponibilité de ressources financières pour des actions d'intégration ; modifications du budget.",
        en: "Availability of financial resources for integration work; changes to the budget.",
      },
    },
    {
      id: "cf-political-situation",
      title: { fr: "Situation politique de la ville", en: "Political situation in the city" },
      description: {
        fr: "Le contexte politique local dans lequel s'inscrit l'action de la ville.",
        en: "The local political context in which the city acts.",
      },
      implications: {
        fr: "Contrôle politique au sein de l'administration municipale ; politiques de la ville en matière de migration et d'intégration ; perspectives électorales.",
        en: "Political control of the city administration; the city's migration and integration policies; electoral prospects.",
      },
    },
    {
      id: "cf-civil-society",
      title: { fr: "Société civile dans la ville", en: "Civil society in the city" },
      description: {
        fr: "Le tissu associatif et citoyen de la ville et sa relation avec la municipalité.",
        en: "The city's associations and civic organisations and their relationship with the municipality.",
      },
      implications: {
        fr: "Niveau de développement de la société civile dans la ville, regroupant aussi bien les organisations dirigées par des migrants que les autres ; degré d'engagement dans le processus décisionnel municipal.",
        en: "How developed civil society is in the city, including both migrant-led and other organisations; degree of involvement in municipal decision-making.",
      },
    },
  ],
  ratingScaleId: "in-place",
  ratingScale: [
    {
      id: "in-place",
      label: { fr: "En place", en: "In place" },
      description: {
        fr: "Le facteur clé est en place : les éléments recueillis à l'aide des questions guides permettent de vérifier l'énoncé pour la ville.",
        en: "The key factor is in place: the evidence gathered through the guiding questions shows that the statement holds for the city.",
      },
    },
    {
      id: "partly-in-place",
      label: { fr: "Partiellement en place", en: "Partly in place" },
      description: {
        fr: "Certains éléments du facteur clé sont en place, mais l'énoncé n'est pas entièrement vérifié pour la ville.",
        en: "Some elements of the key factor are in place, but the statement does not fully hold for the city.",
      },
    },
    {
      id: "not-in-place",
      label: { fr: "Pas en place", en: "Not in place" },
      description: {
        fr: "Le facteur clé n'est pas en place : les éléments recueillis ne permettent pas de vérifier l'énoncé pour la ville.",
        en: "The key factor is not in place: the evidence gathered does not show that the statement holds for the city.",
      },
    },
    {
      id: "not-assessed",
      label: { fr: "Non évalué", en: "Not assessed" },
      description: {
        fr: "Le facteur clé n'a pas (encore) été évalué, ou les éléments disponibles ne suffisent pas pour se prononcer.",
        en: "The key factor has not been assessed (yet), or the evidence available is not sufficient to reach a view.",
      },
    },
  ],
  uses: [
    {
      id: "self-assessment",
      title: { fr: "Référenciation par évaluation interne", en: "Benchmarking through internal assessment" },
      prompt: {
        fr: "Souhaitez-vous une simple évaluation à faible coût de vos performances en matière de lutte contre les discriminations, en utilisant vos propres ressources ?",
        en: "Would you like a simple, low-cost assessment of your performance in combating discrimination, using your own resources?",
      },
      text: {
        fr: "En faisant appel à une équipe d'évaluation interne ou à des consultants, votre ville peut mettre en œuvre les outils des Villes d'intégration pour une évaluation par rapport au point de référence. Il peut s'agir d'une évaluation ponctuelle ou de définir une situation de référence à partir de laquelle la municipalité peut suivre les progrès réalisés grâce à des évaluations régulières.",
        en: "Using an internal assessment team or consultants, your city can apply the Integrating Cities tools to assess itself against the benchmark. This can be a one-off assessment, or a way of setting a baseline from which the municipality can track its progress through regular assessments.",
      },
    },
    {
      id: "peer-review",
      title: { fr: "Un examen réalisé par des pairs", en: "Peer review" },
      prompt: {
        fr: "Souhaitez-vous une étude minutieuse de vos mesures anti-discrimination menée par des praticiens d'autres villes qui connaissent votre situation, mais apporteront un regard neuf ?",
        en: "Would you like a thorough review of your anti-discrimination measures by practitioners from other cities who understand your situation but will bring a fresh eye?",
      },
      text: {
        fr: "Vous pouvez procéder à un examen par des pairs pour obtenir une analyse détaillée du travail de votre ville et recueillir de nouvelles idées sur la façon d'atteindre la norme européenne. Ce peut être aussi un moyen de valider ou de développer davantage votre propre évaluation.\n\nDans la méthode d'examen par des pairs d'EUROCITIES, une équipe de pairs ou de « collègues » d'autres administrations est réunie pour évaluer conjointement les performances de votre ville au regard du point de référence. L'équipe d'examen peut être composée de représentants d'autres villes de votre pays ou de pays étrangers. EUROCITIES fait état de bonnes expériences lorsque l'équipe réunit des personnes qui ne sont pas stricto sensu des pairs, mais des membres, par exemple, d'organisations de défense des migrants ou des gouvernements nationaux.\n\nSous la direction d'un expert, l'équipe contrôle de manière systématique les activités de la ville d'accueil au regard de chaque facteur clé du point de référence. Ce contrôle commence par une auto-évaluation de la ville qui fournit des données sur la réalisation des différents facteurs clés en s'appuyant sur des sources documentaires telles que les procès-verbaux de réunions, les rapports annuels, les données de suivi, les communiqués de presse, etc. L'équipe visite ensuite la ville et mène des entretiens et des discussions en groupe avec des représentants de la ville et des intervenants travaillant sur le terrain pour obtenir des données supplémentaires sur la façon dont la ville se situe par rapport au point de référence. Chaque élément probant fourni par les personnes interrogées est enregistré. En rassemblant ces documents et les éléments tirés des entretiens, l'équipe formule des conclusions quant aux réalisations de la ville par rapport au point de référence et des recommandations pour l'aider à renforcer son travail d'intégration. Les pairs peuvent remettre leurs résultats directement à leurs collègues de la ville d'accueil lors d'une réunion de feedback et dans un rapport de suivi.\n\nIl s'agit d'une option relativement coûteuse, puisqu'il faut prendre en charge l'accueil et les visites de l'équipe de pairs, et l'engagement d'un expert en chef pour guider ceux-ci dans leur travail. Mais c'est un choix payant, car il apporte de nouvelles perspectives et un domaine d'expérience plus large de la part des pairs qui peuvent remettre en question les pratiques locales de manière plus indépendante.",
        en: "You can carry out a peer review to obtain a detailed analysis of your city's work and gather new ideas on how to meet the European standard. It can also be a way of validating or further developing your own assessment.\n\nIn the EUROCITIES peer review method, a team of peers or “colleagues” from other administrations is brought together to jointly assess your city's performance against the benchmark. The review team may be made up of representatives of other cities in your own country or abroad. EUROCITIES reports good experiences when the team includes people who are not strictly peers but members of, for example, migrant advocacy organisations or national governments.\n\nLed by an expert, the team systematically examines the host city's activities against each key factor of the benchmark. This starts with a self-assessment by the city, which provides evidence on how far the different key factors have been achieved, drawing on documentary sources such as minutes of meetings, annual reports, monitoring data, press releases, etc. The team then visits the city and holds interviews and group discussions with city representatives and stakeholders working on the ground to obtain further evidence of where the city stands against the benchmark. Every piece of evidence provided by interviewees is recorded. Bringing together these documents and the evidence from the interviews, the team draws conclusions about the city's achievements against the benchmark and makes recommendations to help it strengthen its integration work. The peers can give their findings directly to their colleagues in the host city at a feedback meeting and in a follow-up report.\n\nThis is a relatively expensive option, since it means paying for hosting the peer team and its visits, and for engaging a lead expert to guide the peers in their work. But it pays off, because it brings new perspectives and a wider range of experience from peers who can challenge local practice more independently.",
      },
    },
    {
      id: "development-plan",
      title: { fr: "La préparation d'un plan de développement", en: "Preparing a development plan" },
      prompt: {
        fr: "Vous avez identifié un élément manquant dans votre lutte contre la discrimination et vous avez besoin d'un plan pour faire évoluer votre ville vers les meilleures pratiques européennes ?",
        en: "Have you identified a gap in your work against discrimination, and do you need a plan to move your city towards European best practice?",
      },
      text: {
        fr: "Cela peut constituer une option si votre ville n'a pas encore mis en place de programme de lutte contre les discriminations ou si vous avez un programme et que vous venez de l'examiner au moyen d'une des méthodes mentionnées précédemment. Comment pouvez-vous définir les étapes que votre ville doit suivre dès lors pour évoluer vers la norme européenne ?\n\nLe point de référence des Villes d'intégration propose un cadre pour définir un plan de développement des activités de lutte contre les discriminations. Les facteurs clés du point de référence vous permettront de préciser les objectifs de votre plan. Les questions guides indiqueront les actions prioritaires à mener pour atteindre ces objectifs et vous permettront d'identifier, si vous le souhaitez, certains objectifs à « bénéfices rapides », de manière à ce que votre équipe et le public observent des résultats à court terme, et les objectifs demandant un travail de plus longue haleine. Enfin, le point de référence offre des exemples provenant d'autres villes et montrant concrètement comment des actions bien planifiées permettent d'atteindre les normes européennes en matière de lutte contre les discriminations.",
        en: "This can be an option if your city has not yet put an anti-discrimination programme in place, or if you have a programme and have just reviewed it using one of the methods described above. How can you then define the steps your city needs to take to move towards the European standard?\n\nThe Integrating Cities benchmark provides a framework for drawing up a development plan for anti-discrimination work. The benchmark's key factors will help you set the objectives of your plan. The guiding questions will point to the priority actions needed to achieve those objectives and, if you wish, help you identify some “quick win” objectives – so that your team and the public see results in the short term – as well as objectives that require longer-term work. Finally, the benchmark offers examples from other cities showing in practice how well-planned actions make it possible to meet European standards in combating discrimination.",
      },
    },
  ],
} satisfies FrameworkInput;
