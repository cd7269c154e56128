import type { MappingInput } from "../mapping-schema";

/*
 * Which EUROCITIES key factors each ECCAR commitment covers, written by hand from the two seeds
 * (eccar-10-point-plan.fr.txt, eurocities-anti-discrimination-benchmark.fr.txt): "primary" when
 * the key factor is the commitment's main subject, "related" when the commitment touches part of
 * it (one of its guiding questions, or one of its example actions meets the key factor).
 *
 * It is used to show each framework beside the other on the reference pages, and to suggest
 * EUROCITIES material for an ECCAR self-assessment. Commitment 9 has no counterpart: it is
 * said, not forced.
 */
export const eccarToEurocities = {
  id: "eccar-10-point-plan--eurocities-anti-discrimination",
  from: { frameworkId: "eccar-10-point-plan", version: "2004.1" },
  to: { frameworkId: "eurocities-anti-discrimination", version: "2012.1" },
  note: {
    fr: "Correspondance établie pour cet outil à partir des deux textes ; elle n'émane ni de l'ECCAR ni d'EUROCITIES. « Principal » : le facteur clé est l'objet même de l'engagement ; « lié » : l'engagement en recouvre une partie.",
    en: "Mapping made for this tool from the two texts; it does not come from ECCAR or EUROCITIES. “Primary”: the key factor is the commitment's very subject; “related”: the commitment covers part of it.",
  },
  entries: [
    {
      from: "c-01",
      links: [
        {
          to: "kf-05",
          strength: "primary",
          reason: {
            fr: "Le réseau de vigilance associe jeunes, artistes, ONG, associations, police et justice : c'est mobiliser les acteurs non municipaux.",
            en: "The vigilance network brings in young people, artists, NGOs, associations, police and the courts: it mobilises non-municipal actors.",
          },
        },
        {
          to: "kf-04",
          strength: "related",
          reason: {
            fr: "Mettre le racisme à l'ordre du jour des instances de consultation de la population rejoint la consultation des migrants.",
            en: "Putting racism on the agenda of the bodies that consult residents meets the consultation of migrants.",
          },
        },
        {
          to: "kf-11",
          strength: "related",
          reason: {
            fr: "Faire régulièrement le point et signaler les actes racistes est une forme de suivi de la situation.",
            en: "Taking stock regularly and reporting racist acts is a form of monitoring the situation.",
          },
        },
      ],
    },
    {
      from: "c-02",
      links: [
        {
          to: "kf-11",
          strength: "primary",
          reason: {
            fr: "Collecter des données, fixer des indicateurs et évaluer l'impact des politiques, c'est le suivi et l'évaluation.",
            en: "Collecting data, setting indicators and assessing the impact of policies is monitoring and evaluation.",
          },
        },
        {
          to: "kf-02",
          strength: "related",
          reason: {
            fr: "Des objectifs réalisables et mesurés donnent à la stratégie ses buts et ses priorités.",
            en: "Achievable, measured objectives give the strategy its aims and priorities.",
          },
        },
      ],
    },
    {
      from: "c-03",
      links: [
        {
          to: "kf-09",
          strength: "primary",
          reason: {
            fr: "Soutenir les victimes et instruire leurs plaintes, c'est les aider à trouver de l'aide et à obtenir réparation.",
            en: "Supporting victims and handling their complaints is helping them find help and seek redress.",
          },
        },
        {
          to: "kf-05",
          strength: "related",
          reason: {
            fr: "Soutenir les associations qui assistent les victimes, c'est appuyer la lutte contre la discrimination hors de la municipalité.",
            en: "Supporting the associations that assist victims backs anti-discrimination work outside the municipality.",
          },
        },
      ],
    },
    {
      from: "c-04",
      links: [
        {
          to: "kf-09",
          strength: "primary",
          reason: {
            fr: "Informer les habitants de leurs droits, des recours et des contacts utiles, c'est faire connaître leurs droits aux migrants.",
            en: "Telling residents about their rights, remedies and whom to contact is making migrants aware of their rights.",
          },
        },
        {
          to: "kf-04",
          strength: "primary",
          reason: {
            fr: "L'approche participative et les forums municipaux contre le racisme recueillent l'avis des habitants sur les politiques et leur impact.",
            en: "The participatory approach and municipal forums against racism gather residents' views on policies and their impact.",
          },
        },
        {
          to: "kf-01",
          strength: "related",
          reason: {
            fr: "Célébrer le 21 mars et diffuser les engagements de la municipalité rend public son engagement contre le racisme.",
            en: "Marking 21 March and publicising the municipality's commitments makes its stand against racism public.",
          },
        },
      ],
    },
    {
      from: "c-05",
      links: [
        {
          to: "kf-10",
          strength: "primary",
          reason: {
            fr: "Des clauses de non-discrimination dans les contrats que la ville passe comme acheteur relèvent des marchés publics.",
            en: "Non-discrimination clauses in the contracts the city awards as a purchaser are a matter of procurement.",
          },
        },
        {
          to: "kf-05",
          strength: "primary",
          reason: {
            fr: "Certifier les entreprises engagées et soutenir l'activité des groupes discriminés mobilise les acteurs économiques.",
            en: "Certifying committed businesses and backing income-generating activity among groups facing discrimination mobilises economic actors.",
          },
        },
      ],
    },
    {
      from: "c-06",
      links: [
        {
          to: "kf-06",
          strength: "primary",
          reason: {
            fr: "La ville s'engage à assurer l'égalité des chances en tant qu'employeur.",
            en: "The city commits itself to equal opportunities as an employer.",
          },
        },
        {
          to: "kf-08",
          strength: "primary",
          reason: {
            fr: "Les modules de formation du personnel municipal à la lutte contre les discriminations sont la formation du personnel.",
            en: "Anti-discrimination training modules for municipal staff are staff training.",
          },
        },
        {
          to: "kf-07",
          strength: "related",
          reason: {
            fr: "Un service équitable et l'évaluation anti-discriminatoire des nouvelles initiatives inscrivent l'objectif dans les services.",
            en: "Fair service and anti-discrimination checks on new initiatives build the objective into services.",
          },
        },
        {
          to: "kf-11",
          strength: "related",
          reason: {
            fr: "Les audits internes de diversité suivent l'accès à l'emploi municipal.",
            en: "Internal diversity audits monitor access to municipal employment.",
          },
        },
      ],
    },
    {
      from: "c-07",
      links: [
        {
          to: "kf-07",
          strength: "primary",
          reason: {
            fr: "Le logement est l'un des services essentiels cités par le facteur clé.",
            en: "Housing is one of the key services the key factor names.",
          },
        },
        {
          to: "kf-05",
          strength: "related",
          reason: {
            fr: "Une charte et des avantages pour les bailleurs et sociétés privés engagent des acteurs que la ville ne dirige pas.",
            en: "A charter and incentives for private landlords and companies engage actors the city does not run.",
          },
        },
      ],
    },
    {
      from: "c-08",
      links: [
        {
          to: "kf-07",
          strength: "primary",
          reason: {
            fr: "L'éducation est l'un des services essentiels cités par le facteur clé.",
            en: "Education is one of the key services the key factor names.",
          },
        },
        {
          to: "kf-05",
          strength: "related",
          reason: {
            fr: "Un label et un prix du maire récompensent les bonnes pratiques des établissements.",
            en: "A label and a mayor's prize reward good practice by schools.",
          },
        },
      ],
    },
    {
      from: "c-09",
      links: [],
      noCounterpart: {
        fr: "Le point de référence EUROCITIES ne traite pas de la promotion de la diversité culturelle : il la laisse à une boîte à outils distincte des Villes d'intégration, qu'il dit compléter.",
        en: "The EUROCITIES benchmark does not cover promoting cultural diversity: it leaves it to a separate Integrating Cities toolkit, which it says it complements.",
      },
    },
    {
      from: "c-10",
      links: [
        {
          to: "kf-03",
          strength: "related",
          reason: {
            fr: "Le groupe inter-agences coordonne police, école, services sociaux et associations face aux conflits.",
            en: "The inter-agency group coordinates police, schools, social services and associations when conflicts arise.",
          },
        },
        {
          to: "kf-05",
          strength: "related",
          reason: {
            fr: "L'équipe d'experts et le groupe inter-agences mobilisent des partenaires hors de la municipalité.",
            en: "The expert team and the inter-agency group mobilise partners outside the municipality.",
          },
        },
        {
          to: "kf-08",
          strength: "related",
          reason: {
            fr: "Former aux crimes racistes et à la gestion des conflits le personnel des services concernés, dont les bureaux d'intégration.",
            en: "Training staff of the services concerned, integration offices included, in racist crime and conflict management.",
          },
        },
      ],
    },
  ],
} satisfies MappingInput;
