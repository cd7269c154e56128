// Over 400 lines on purpose: the whole plan (every commitment and example action, in French and English) is one data file with one provenance.
import type { FrameworkInput } from "./schema";

/*
 * ECCAR "10-Point Plan of Action" (European Coalition of Cities against
 * Racism, adopted in Nuremberg on 10 December 2004), transcribed from the
 * French page in /work/shared/seeds/eccar-10-point-plan.fr.txt.
 *
 * The French is the seed's, word for word, typography and slips included
 * ("en matiére", the missing full stops after 7.1 and 10.3): it is the text
 * ECCAR publishes; only the page's stray non-breaking and doubled spaces are
 * single plain spaces here. The plan was adopted in English, but the official English
 * text is not in the seeds: the English here is our own translation of the
 * French, and source.note says so.
 *
 * Not in the seed, written for the workbench and flagged in source.note: the
 * implementation scale's descriptions.
 *
 * Ids (c-01 … c-10, c-01-a1 … c-10-a3) are stored in assessments: never
 * renumber or reuse them. Retire an entry with `retired: true` instead.
 */
export const eccar10PointPlan = {
  id: "eccar-10-point-plan" as const,
  version: "2004.1",
  title: {
    fr: "Le plan d'action en 10 points de la Coalition européenne des villes contre le racisme",
    en: "The 10-Point Plan of Action of the European Coalition of Cities against Racism",
  },
  shortTitle: { fr: "ECCAR – Plan d'action en 10 points", en: "ECCAR – 10-Point Plan of Action" },
  publisher: "European Coalition of Cities against Racism (ECCAR) / UNESCO",
  year: 2004,
  source: {
    file: "eccar-10-point-plan.fr.txt",
    url: "https://www.eccar.info",
    note: {
      fr: "Plan d'action en 10 points de la Coalition européenne des villes contre le racisme (ECCAR), adopté à Nuremberg le 10 décembre 2004 à l'initiative de l'UNESCO ; texte français de la page « Le plan d'action en 10 points » du site de l'ECCAR, repris mot pour mot. Le plan a été adopté en anglais, mais le texte anglais officiel n'a pas servi ici : la version anglaise a été traduite du français pour cet outil et n'est pas le texte officiel. Les descriptions des niveaux de l'échelle de mise en œuvre ne figurent pas dans la source : elles ont été rédigées pour cet outil.\n\nCiter la source : mentionner le Plan d'action en 10 points et la Coalition européenne des villes contre le racisme (ECCAR).",
      en: "10-Point Plan of Action of the European Coalition of Cities against Racism (ECCAR), adopted in Nuremberg on 10 December 2004 on UNESCO's initiative; French text taken word for word from the ECCAR website page “Le plan d'action en 10 points”. The plan was adopted in English, but the official English text was not used here: the English version was translated from the French for this tool and is not the official text. The descriptions of the implementation scale's levels are not in the source: they were written for this tool.\n\nWhen quoting the source, cite the 10-Point Plan of Action and the European Coalition of Cities against Racism (ECCAR).",
    },
  },
  introduction: {
    fr: "Le Plan d’Action, adopté le 10 décembre 2004, reste ouvert à la signature des villes européennes qui souhaitent rejoindre la Coalition des villes contre le racisme, constituée autour de ces engagements.",
    en: "The Plan of Action, adopted on 10 December 2004, remains open for signature by European cities that wish to join the Coalition of Cities against Racism, which is built around these commitments.",
  },
  standard: {
    title: { fr: "Le plan d'action en 10 points", en: "The 10-Point Plan of Action" },
    statement: {
      fr: "Les municipalités signataires s’engagent à intégrer dans leurs stratégies et programmes d’actions municipales, ce Plan d’action et d’y consacrer les ressources humaines, budgétaires et matérielles nécessaires à son exécution.",
      en: "The signatory municipalities undertake to integrate this Plan of Action into their municipal strategies and programmes of action, and to commit to it the human, financial and material resources needed to carry it out.",
    },
    explanation: {
      fr: "Chaque municipalité est libre de choisir les actions qu’elle considère comme les plus pertinentes ou prioritaires.\n\nCependant, dans un but de cohérence, elle est invitée à mettre en œuvre dans les meilleurs délais au moins un projet pour chacun des engagements. Les municipalités qui ont déjà mis ou sont en train de mettre en œuvre, certaines des actions proposées, sont invitées à les renforcer ou à les compléter par de nouvelles actions inspirées du Plan d’action. Les municipalités signataires s’engagent à désigner une entité responsable pour le suivi et pour la coordination du Plan d’action.",
      en: "Each municipality is free to choose the actions it considers most relevant or most urgent.\n\nHowever, for the sake of consistency, it is invited to carry out at least one project for each of the commitments as soon as possible. Municipalities that have already carried out, or are carrying out, some of the proposed actions are invited to strengthen them or to complement them with new actions inspired by the Plan of Action. The signatory municipalities undertake to designate an entity responsible for monitoring and coordinating the Plan of Action.",
    },
  },
  parts: {
    item: { id: "commitment", idPrefix: "c", one: { fr: "engagement", en: "commitment" }, other: { fr: "engagements", en: "commitments" } },
    question: {
      id: "example-action",
      idPrefix: "a",
      one: { fr: "exemple d'action", en: "example action" },
      other: { fr: "exemples d'actions", en: "example actions" },
    },
    contextualFactors: false,
    examples: false,
  },
  keyFactors: [
    {
      id: "c-01",
      number: 1,
      title: { fr: "Pour un renforcement de la vigilance contre le racisme", en: "Greater vigilance against racism" },
      statement: {
        fr: "Mettre en place un réseau d'observation, de vigilance et de solidarité contre le racisme au niveau de la municipalité.",
        en: "Set up a monitoring, vigilance and solidarity network against racism at municipal level.",
      },
      guidingQuestions: [
        {
          id: "c-01-a1",
          text: {
            fr: "Créer un mécanisme de consultation avec les différents acteurs sociaux (jeunes, artistes, ONG, représentants d'associatifs locaux, police, justice, etc.) pour faire régulièrement le point sur la situation du racisme et de la discrimination.",
            en: "Set up a consultation mechanism with the various social actors (young people, artists, NGOs, representatives of local associations, police, the judiciary, etc.) to take stock of racism and discrimination regularly.",
          },
        },
        {
          id: "c-01-a2",
          text: {
            fr: "Mettre en place, en collaboration avec les organisations de la société civile, un système d'observation et d'alerte rapide pour identifier les actes de racisme et les discours/crimes de haine et les porter à la connaissance des autorités compétentes.",
            en: "Set up, together with civil society organisations, a monitoring and early-warning system to identify acts of racism and hate speech or hate crimes and bring them to the attention of the competent authorities.",
          },
        },
        {
          id: "c-01-a3",
          text: {
            fr: "Mettre la question du racisme et des discriminations à l'ordre du jour des différents mécanismes de consultation de la population qui existent dans la municipalité (Parlements de jeunes, Conseils d’anciens, structures d’intégration).",
            en: "Put racism and discrimination on the agenda of the various mechanisms through which the municipality consults its population (youth parliaments, councils of elders, integration bodies).",
          },
        },
      ],
      examples: [],
    },
    {
      id: "c-02",
      number: 2,
      title: {
        fr: "Évaluer le racisme et la discrimination et observer les politiques municipales",
        en: "Assessing racism and discrimination and monitoring municipal policies",
      },
      statement: {
        fr: "Initier ou développer davantage la collecte de données sur le racisme et la discrimination, établir des objectifs réalisables et mettre en place des indicateurs communs afin d'évaluer l'impact des politiques publiques.",
        en: "Initiate or further develop the collection of data on racism and discrimination, set achievable objectives and establish common indicators in order to assess the impact of public policies.",
      },
      guidingQuestions: [
        {
          id: "c-02-a1",
          text: {
            fr: "Mettre en place des méthodes systématiques de collecte de données et d'informations sur le racisme et les discriminations dans tous les domaines de compétences des municipalités, en introduisant les variables appropriées dans leurs procédures de collecte de données.",
            en: "Set up systematic methods of collecting data and information on racism and discrimination in every area for which the municipality is responsible, by introducing the appropriate variables into its data collection procedures.",
          },
        },
        {
          id: "c-02-a2",
          text: {
            fr: "Établir des partenariats avec des institutions de recherche pour analyser régulièrement les données et les informations collectées, faire des études à l'échelle locale, et donner aux autorités municipales des recommandations concrètes.",
            en: "Establish partnerships with research institutions to analyse the data and information collected regularly, carry out local studies and give the municipal authorities concrete recommendations.",
          },
        },
        {
          id: "c-02-a3",
          text: {
            fr: "Définir des objectifs réalisables et appliquer des indicateurs communs pour évaluer les tendances du racisme et de la discrimination et l'impact des politiques municipales.",
            en: "Define achievable objectives and apply common indicators to assess trends in racism and discrimination and the impact of municipal policies.",
          },
        },
      ],
      examples: [],
    },
    {
      id: "c-03",
      number: 3,
      title: {
        fr: "Pour un meilleur soutien aux victimes du racisme et de la discrimination",
        en: "Better support for the victims of racism and discrimination",
      },
      statement: {
        fr: "Soutenir les victimes du racisme et de la discrimination et contribuer à renforcer leurs capacités de défense.",
        en: "Support the victims of racism and discrimination and help strengthen their capacity to defend themselves.",
      },
      guidingQuestions: [
        {
          id: "c-03-a1",
          text: {
            fr: "Soutenir les victimes dans leurs efforts de s'organiser en cherchant des remèdes, des initiatives (assistance psychologique, monitoring, etc.) et des mesures de prévention dans la lutte contre le racisme et la discrimination.",
            en: "Support victims in their efforts to organise themselves by seeking remedies, initiatives (psychological support, monitoring, etc.) and preventive measures in the fight against racism and discrimination.",
          },
        },
        {
          id: "c-03-a2",
          text: {
            fr: "Établir des capacités formelles (ombudsperson [médiateur], unité de la non-discrimination, etc.) au sein de la municipalité pour instruire les plaintes pour discrimination des habitants de la ville.",
            en: "Establish formal capacities within the municipality (an ombudsperson, a non-discrimination unit, etc.) to deal with complaints of discrimination from the city's inhabitants.",
          },
        },
        {
          id: "c-03-a3",
          text: {
            fr: "Soutenir les entités locales qui assurent elles-mêmes le soutien légal et psychologique aux victimes du racisme et de la discrimination.",
            en: "Support local bodies that themselves provide legal and psychological support to the victims of racism and discrimination.",
          },
        },
      ],
      examples: [],
    },
    {
      id: "c-04",
      number: 4,
      title: { fr: "Pour une meilleure information et participation des habitants", en: "Better information and participation for city dwellers" },
      statement: {
        fr: "Assurer, par le biais d'une approche participative, notamment par des consultations avec les utilisateurs et les fournisseurs du service, une meilleure information des habitants de la ville sur leurs droits et leurs devoirs, sur les moyens de protection et les recours légaux et sur les risques encourus pour un acte ou un comportement raciste.",
        en: "Through a participatory approach, in particular consultations with service users and service providers, ensure that the city's inhabitants are better informed about their rights and obligations, about protection and legal remedies, and about the penalties for racist acts or behaviour.",
      },
      guidingQuestions: [
        {
          id: "c-04-a1",
          text: {
            fr: "Publier et distribuer le plus largement possible une brochure ou un bulletin municipal donnant des informations pertinentes sur les droits des habitants et les obligations d'une société multiethnique et multiculturelle, sur les engagements pris par la municipalité contre le racisme ainsi que sur les risques encourus pour des actes et comportements racistes. Distribuer dans les différents lieux publics des formulaires ou des listes de contacts destinés à être utilisés par les victimes et les témoins en cas d'actes ou de comportements racistes pour informer les autorités compétentes ou les groupes de soutien.",
            en: "Publish and distribute as widely as possible a municipal brochure or newsletter giving relevant information on residents' rights and the obligations of a multi-ethnic and multicultural society, on the municipality's commitments against racism and on the penalties for racist acts and behaviour. Distribute in public places forms or contact lists for victims and witnesses of racist acts or behaviour to inform the competent authorities or support groups.",
          },
        },
        {
          id: "c-04-a2",
          text: {
            fr: "Organiser de manière régulière des forums municipaux contre le racisme, en lien avec les organes et les mécanismes existants, permettant aux habitants d'échanger sur les problèmes de racisme et de discrimination dans la ville, sur les politiques municipales et sur leur impact.",
            en: "Hold regular municipal forums against racism, linked to existing bodies and mechanisms, where residents can discuss problems of racism and discrimination in the city, municipal policies and their impact.",
          },
        },
        {
          id: "c-04-a3",
          text: {
            fr: "Célébrer chaque année le 21 mars, la Journée internationale pour l’élimination de la discrimination raciale, par des actions de sensibilisation et de mobilisation des habitants de la ville.",
            en: "Mark 21 March, the International Day for the Elimination of Racial Discrimination, every year with actions that raise awareness and mobilise the city's inhabitants.",
          },
        },
      ],
      examples: [],
    },
    {
      id: "c-05",
      number: 5,
      title: { fr: "La ville comme promoteur actif de procédures équitables", en: "The city as an active supporter of equal opportunity practices" },
      statement: {
        fr: "Faciliter des procédures équitables en matiére d'emploi et promouvoir la diversité dans le marché du travail en exerçant le pouvoir discrétionnaire des autorités municipales.",
        en: "Facilitate equal opportunity practices in employment and promote diversity in the labour market through the discretionary powers of the municipal authorities.",
      },
      guidingQuestions: [
        {
          id: "c-05-a1",
          text: {
            fr: "Inclure des clauses de non-discrimination dans les contrats locaux que la ville passe en tant qu’acheteur.",
            en: "Include non-discrimination clauses in the local contracts the city awards as a purchaser.",
          },
        },
        {
          id: "c-05-a2",
          text: {
            fr: "Établir une procédure de certification pour les entreprises, les boutiques, les entités professionnelles locales qui s'engagent à éradiquer le racisme et qui sont disposées à accepter la mise en place des mécanismes locaux qui instruisent les plaintes pour traitement discriminatoire.",
            en: "Establish a certification procedure for local businesses, shops and professional bodies that commit themselves to eradicating racism and are willing to accept local mechanisms for dealing with complaints of discriminatory treatment.",
          },
        },
        {
          id: "c-05-a3",
          text: {
            fr: "Mettre en place un programme de micro-crédit, de sponsorisation et de tutorat, en partenariat avec des acteurs économiques, pour soutenir des activités génératrices de revenus au sein des groupes discriminés.",
            en: "Set up a micro-credit, sponsorship and mentoring programme, in partnership with economic actors, to support income-generating activities within groups that face discrimination.",
          },
        },
      ],
      examples: [],
    },
    {
      id: "c-06",
      number: 6,
      title: {
        fr: "La ville comme promoteur du programme d'égalité en matière d'emploi et de service",
        en: "The city as an equal opportunities employer and service provider",
      },
      statement: {
        fr: "La ville s'engage à assurer l'égalité des chances en tant qu'employeur et à fournir un service équitable. Elle s'engage à assurer l'observation, la formation et le développement nécessaires pour atteindre cet objectif.",
        en: "The city commits itself to ensuring equal opportunities as an employer and to providing a fair service. It commits itself to the monitoring, training and development needed to achieve this objective.",
      },
      guidingQuestions: [
        {
          id: "c-06-a1",
          text: {
            fr: "S'engager à réaliser des audits internes en matière de diversité, permettant de renseigner une base de données précise, utile pour le développement des politiques et des pratiques appropriées.",
            en: "Commit to internal diversity audits that provide an accurate database for developing appropriate policies and practices.",
          },
        },
        {
          id: "c-06-a2",
          text: {
            fr: "Mettre en place une évaluation (par une liste de contrôle anti-discriminatoire) de l'impact et des besoins lors du développement de nouvelles initiatives. Un protocole simple et standardisé pourrait être développé pour systématiser ce processus.",
            en: "Introduce an assessment (with an anti-discrimination checklist) of impact and needs when new initiatives are developed. A simple, standardised protocol could be developed to make this process systematic.",
          },
        },
        {
          id: "c-06-a3",
          text: {
            fr: "Identifier et soutenir les besoins des employés municipaux en termes d'apprentissage et de développement en mettant en place des modules de formation et de perfectionnement pour les personnels de la municipalité afin de : renforcer leurs capacités de gestion de la diversité ethnique et culturelle ; promouvoir le dialogue interculturel ; développer leurs compétences dans la lutte contre les discriminations ; et acquérir les compétences nécessaires pour fournir les services appropriés en tenant compte de la sensibilité culturelle.",
            en: "Identify and support the learning and development needs of municipal employees by setting up training and further-training modules for municipal staff in order to: strengthen their ability to manage ethnic and cultural diversity; promote intercultural dialogue; develop their skills in combating discrimination; and acquire the skills needed to provide appropriate, culturally sensitive services.",
          },
        },
      ],
      examples: [],
    },
    {
      id: "c-07",
      number: 7,
      title: { fr: "Pour l'accès équitable au logement", en: "Fair access to housing" },
      statement: {
        fr: "Renforcer, par une politique volontariste, la lutte contre les discriminations dans l'accès au logement au sein de la municipalité.",
        en: "Through a proactive policy, strengthen the fight against discrimination in access to housing within the municipality.",
      },
      guidingQuestions: [
        {
          id: "c-07-a1",
          text: {
            fr: "Définir des instruments normatifs légaux (tels qu'une charte éthique ou un cahier des charges) pour les sociétés publiques et privées s'occupant de la location et de la vente de logements, afin de lutter contre les discriminations dans l'accès au logement",
            en: "Define legal normative instruments (such as an ethical charter or a code of practice) for public and private companies that let and sell housing, to combat discrimination in access to housing.",
          },
        },
        {
          id: "c-07-a2",
          text: {
            fr: "Accorder des facilités et des avantages incitatifs aux propriétaires et sociétés s'engageant à suivre le cahier des charges de la municipalité contre les discriminations.",
            en: "Grant facilities and incentives to landlords and companies that commit themselves to following the municipality's code of practice against discrimination.",
          },
        },
        {
          id: "c-07-a3",
          text: {
            fr: "Créer ou soutenir un service de conseil chargé d'aider et de soutenir les demandes des habitants solvables issus de groupes discriminés dans la recherche de logements dans le parc immobilier aussi bien public que privé.",
            en: "Create or support an advisory service that helps and supports solvent residents from groups facing discrimination in their search for housing in both the public and the private housing stock.",
          },
        },
      ],
      examples: [],
    },
    {
      id: "c-08",
      number: 8,
      title: { fr: "Œuvrer contre le racisme et la discrimination par le biais de l'éducation", en: "Challenging racism and discrimination through education" },
      statement: {
        fr: "Renforcer les mesures contre la discrimination dans l'accès à, et la jouissance de toutes les formes d'éducation ; et promouvoir l'enseignement de la tolérance mutuelle, de la compréhension mutuelle et du dialogue interculturel.",
        en: "Strengthen measures against discrimination in access to, and enjoyment of, all forms of education; and promote the teaching of mutual tolerance, mutual understanding and intercultural dialogue.",
      },
      guidingQuestions: [
        {
          id: "c-08-a1",
          text: {
            fr: "Intervenir pour assurer l'égalité des chances dans l'éducation, notamment en matière d'accès à l'éducation par des mesures d'action positive.",
            en: "Act to ensure equal opportunities in education, in particular in access to education, through positive action measures.",
          },
        },
        {
          id: "c-08-a2",
          text: {
            fr: "Établir une charte contre la discrimination et un cahier des charges pour les établissements d'enseignement et de formation dépendant de la municipalité en vue de lutter contre la discrimination dans l'accès à l'éducation et contre le racisme à l'école.",
            en: "Establish an anti-discrimination charter and a code of practice for the education and training establishments that depend on the municipality, to combat discrimination in access to education and racism at school.",
          },
        },
        {
          id: "c-08-a3",
          text: {
            fr: "Créer un label « Écoles de l'égalité » pour distinguer les établissements scolaires locaux pour leur travail antiraciste, ainsi qu'un « Prix du Maire » pour récompenser à date fixe la meilleure initiative scolaire locale contre le racisme.",
            en: "Create an “Equality Schools” label to recognise local schools for their anti-racist work, and a “Mayor's Prize” awarded at a fixed date to the best local school initiative against racism.",
          },
        },
      ],
      examples: [],
    },
    {
      id: "c-09",
      number: 9,
      title: { fr: "Promouvoir la diversité culturelle", en: "Promoting cultural diversity" },
      statement: {
        fr: "Assurer une représentation et une promotion équitables de la diversité des expressions et des patrimoines culturels des habitants dans les programmes culturels, dans la mémoire collective et dans l'espace public municipal et promouvoir l'interculturalité dans la vie municipale.",
        en: "Ensure fair representation and promotion of the diversity of the cultural expressions and heritage of the city's inhabitants in cultural programmes, in the collective memory and in the municipal public space, and promote interculturality in city life.",
      },
      guidingQuestions: [
        {
          id: "c-09-a1",
          text: {
            fr: "Favoriser la production en partenariat avec des professionnels issus de groupes discriminés, de productions audiovisuelles (films, documentaires, émissions, etc.) leur permettant d'exprimer leur vécu de la ville et leurs aspirations pour elle. Faciliter la diffusion de ces productions aux niveaux local, national et international.",
            en: "Encourage audiovisual productions (films, documentaries, programmes, etc.) made in partnership with professionals from groups facing discrimination, allowing them to express their experience of the city and their aspirations for it. Help these productions reach local, national and international audiences.",
          },
        },
        {
          id: "c-09-a2",
          text: {
            fr: "Financer sur une base régulière des projets culturels et des lieux de rencontres (évènements, centres culturels, etc.) représentatifs de la diversité des habitants (musique, théâtre, danse, peinture, etc.) et les intégrer dans la programmation officielle de la municipalité.",
            en: "Fund, on a regular basis, cultural projects and meeting places (events, cultural centres, etc.) that reflect the diversity of the city's inhabitants (music, theatre, dance, painting, etc.) and include them in the municipality's official programme.",
          },
        },
        {
          id: "c-09-a3",
          text: {
            fr: "Nommer des lieux (rues, places, monuments, quartiers) et / ou célébrer des évènements en souvenir de faits particulièrement pertinents pour les groupes discriminés, dans le but de reconnaître leurs contributions et de les intégrer dans la mémoire et l'identité collectives de la ville.",
            en: "Name places (streets, squares, monuments, neighbourhoods) and/or commemorate events in memory of facts particularly relevant to groups facing discrimination, in order to recognise their contributions and make them part of the city's collective memory and identity.",
          },
        },
      ],
      examples: [],
    },
    {
      id: "c-10",
      number: 10,
      title: {
        fr: "Prévention contre les actes de racisme et délits de diffamation raciale et gérer les conflits",
        en: "Preventing racist acts and racial defamation offences, and managing conflicts",
      },
      statement: {
        fr: "Soutenir ou établir des mécanismes actifs dans la prévention d'actes de racisme et de délits de diffamation raciale et gestion de conflits.",
        en: "Support or establish active mechanisms to prevent racist acts and racial defamation offences and to manage conflicts.",
      },
      guidingQuestions: [
        {
          id: "c-10-a1",
          text: {
            fr: "Constituer une équipe d’experts (chercheurs et praticiens, y compris ceux issus de groupes discriminés) compétents pour donner des conseils à la communauté locale et effectuer des analyses de situation, afin de s'assurer de la validité d'une analyse avant de définir des réponses.",
            en: "Form a team of experts (researchers and practitioners, including people from groups facing discrimination) able to advise the local community and analyse situations, so that an analysis is sound before responses are decided.",
          },
        },
        {
          id: "c-10-a2",
          text: {
            fr: "Établir un groupe inter-agences composé d'agents bien informés représentant les institutions potentiellement impliquées dans des conflits (police, secteur éducatif, secteur de l'enfance et de la jeunesse, travailleurs sociaux, organisations de la société civile, etc.). Ce groupe serait responsable de la coordination des premières actions dès que les crimes racistes et les conflits entre groupes surgissent.",
            en: "Establish an inter-agency group of well-informed officers representing the institutions likely to be involved in conflicts (police, education, children and youth services, social workers, civil society organisations, etc.). This group would coordinate the first actions as soon as racist crimes or conflicts between groups arise.",
          },
        },
        {
          id: "c-10-a3",
          text: {
            fr: "Proposer des programmes de formation en matière de crimes racistes et de gestion des conflits aux personnels sélectionnés par les agences et les institutions concernées (écoles, programmes de jeunesse, bureaux d’intégration, etc.)",
            en: "Offer training programmes on racist crime and conflict management to staff selected by the agencies and institutions concerned (schools, youth programmes, integration offices, etc.).",
          },
        },
      ],
      examples: [],
    },
  ],
  contextualFactors: [],
  ratingScaleId: "implementation",
  ratingScale: [
    {
      id: "not-started",
      label: { fr: "Pas commencé", en: "Not started" },
      description: {
        fr: "La ville ne mène encore aucune action au titre de cet engagement.",
        en: "The city does not yet run any action under this commitment.",
      },
    },
    {
      id: "planned",
      label: { fr: "Prévu", en: "Planned" },
      description: {
        fr: "Une action est décidée ou programmée, avec un service responsable, mais n'a pas encore commencé.",
        en: "An action has been decided or scheduled, with a responsible service, but has not started yet.",
      },
    },
    {
      id: "in-progress",
      label: { fr: "En cours", en: "In progress" },
      description: {
        fr: "Au moins une action est en cours de réalisation.",
        en: "At least one action is under way.",
      },
    },
    {
      id: "implemented",
      label: { fr: "Réalisé", en: "Implemented" },
      description: {
        fr: "Au moins une action a été menée à bien et ses résultats sont connus.",
        en: "At least one action has been carried out and its results are known.",
      },
    },
    {
      id: "embedded-in-policy",
      label: { fr: "Intégré aux politiques", en: "Embedded in policy" },
      description: {
        fr: "L'engagement fait partie des politiques et des budgets ordinaires de la ville : ses actions se poursuivent sans projet particulier.",
        en: "The commitment is part of the city's ordinary policies and budgets: its actions continue without a special project.",
      },
    },
  ],
  uses: [],
} satisfies FrameworkInput;
