import { createTranslationRef } from '@backstage/core-plugin-api/alpha';

/**
 * Every user-facing string of the plugin; matrix text comes from the matrix itself.
 *
 * @alpha
 */
export const meshCoverageTranslationRef = createTranslationRef({
  id: 'mesh-coverage',
  messages: {
    page: {
      title: 'Mesh comparison',
      subtitle:
        'Which infrastructure responsibilities each service mesh takes off your app teams',
    },
    tabs: {
      comparison: 'Comparison',
      recommendation: 'Recommendation',
      fleet: 'Fleet',
    },
    language: {
      label: 'Matrix language',
      en: 'English',
      ja: '日本語',
    },
    controls: {
      tools: 'Tools to compare',
      differencesOnly: 'Differences only',
      changedOnly: 'Changed since the source document',
      filter: 'Filter responsibilities',
      filterPlaceholder: 'Title in English or Japanese, or an id',
      exportCsv: 'Export view (CSV)',
      exportJson: 'Export matrix (JSON)',
      shownCount: '{{shown}} of {{total}} responsibilities',
    },
    support: {
      yes: 'Supported',
      no: 'Not supported',
      partial: 'Partly supported',
      unknown: 'Not yet researched',
      notApplicable: 'Not applicable',
      missing: 'Not compared',
    },
    table: {
      responsibility: 'Responsibility',
      withoutMesh: 'without a mesh',
      since: 'since {{version}}',
      source: 'source',
      verifiedAt: 'verified {{date}}',
      noMatch: 'No responsibility matches the filter.',
      caption: '{{title}}: tools compared',
      changed: 'Changed',
      replaced: 'Source document:',
      notCompared: 'not compared',
      verifiedAgo: 'verified {{date}} ({{age}})',
      recheck: 're-check',
      checkedVersion: 'checked against {{version}}',
    },
    edition: {
      label: 'Edition',
      seed: 'Source document',
      current: 'Current',
      currentDated: 'Current, checked {{date}}',
      served: 'Your portal’s matrix',
      servedOwn: 'The matrix your portal serves, from {{source}}.',
      servedWithOverlays:
        'The {{base}} edition with your portal’s own claims from {{overlays}}.',
      seedDescription:
        'The source document exactly as published: no sources or dates per cell.',
      currentDescription:
        'The source document corrected and completed from the projects’ own docs and release notes. Changed cells are marked and show the document’s value, the version, the source and when the claim was checked.',
    },
    legend: {
      title: 'Legend',
      alternative:
        'Text in the Kubernetes column: how to cover it without a mesh',
    },
    matrixMeta: {
      source: 'Matrix source: {{source}}, loaded {{loadedAt}}',
      claimMaxAge:
        'Claims checked more than {{days}} days ago are marked “re-check”.',
      refreshError:
        'The latest refresh of the matrix failed; showing the last good version. {{message}}',
    },
    recommendation: {
      intro:
        'Pick the responsibilities your services need; the tools are ranked by how many they take off your app teams.',
      needs: 'Responsibilities you need',
      fromFleet: 'Use what the catalog requires',
      fleetNotAllowed:
        'The catalog’s requirements come from the fleet figures, which your account may not see (mesh-coverage.fleet.read). Pick the responsibilities yourself.',
      clear: 'Clear',
      empty: 'Pick at least one responsibility to rank the meshes.',
      rank: 'Rank',
      tool: 'Tool',
      covers: 'Covers',
      coversCount: '{{covered}} of {{required}}',
      leaves: 'Left to the app teams',
      nothingLeft: 'Nothing: the mesh covers every need.',
      alternative: 'Without a mesh:',
    },
    fleet: {
      notAllowed:
        'Your account may not see the fleet figures: they need the mesh-coverage.fleet.read permission. Ask your Backstage admins to grant it; the comparison, the recommendation and each component’s own coverage stay open to you.',
      whatIf: 'What if every component ran',
      today: 'As today',
      components: 'Components',
      perMesh: 'Components per mesh',
      mesh: 'Mesh',
      count: 'Count',
      responsibility: 'Responsibility',
      required: 'Required by',
      covered: 'Mesh covers',
      canCover: 'Can cover · configured',
      turnedOff: 'Turned off',
      app: 'App implements',
      gaps: 'Gaps',
      change: 'Change',
      meanCoverage: 'Mean coverage: {{value}}',
      noData: 'No component declares mesh requirements yet.',
      withErrors_one: '{{count}} component has annotation errors',
      withErrors_other: '{{count}} components have annotation errors',
      invalidMesh_one: '{{count}} component names an unknown mesh',
      invalidMesh_other: '{{count}} components name an unknown mesh',
      showComponents: 'Show the components',
      requirementCoverage: 'Required responsibilities carried: {{value}}',
      requirementCoverageWhatIf:
        'Required responsibilities carried: {{today}} today, {{whatIf}} on {{mesh}}',
      asOf: 'As of {{time}} (latest scheduled snapshot)',
      computedNow: 'Computed now from the catalog',
      recompute: 'Recompute now',
      loadingComponents: 'Loading the components…',
      trend: {
        title: 'Trend',
        mesh: 'Mesh',
        owner: 'Owner',
        all: 'All',
        coverage: 'Mean coverage (%)',
        gaps: 'Gaps',
        label:
          'Mean coverage and gaps from {{from}} to {{to}}: coverage {{coverageFrom}} to {{coverageTo}}, gaps {{gapsFrom}} to {{gapsTo}}',
        tooFew:
          'A trend needs at least two snapshots; this selection has {{count}} so far. Snapshots are taken on a schedule.',
      },
      teams: {
        title: 'Teams',
        owner: 'Owner',
        components: 'Components',
        meanCoverage: 'Mean coverage',
        gaps: 'Gaps',
        app: 'Implemented by apps',
        meshes: 'Meshes',
        noOwner: 'No owner',
        noValue: 'n/a',
        catalog: 'In the catalog',
        viewComponents: 'Their components',
        componentsOf: 'Components of {{owner}} in the catalog',
        removed: 'Implementations taken off',
        closed: 'Gaps closed',
        opened: 'Gaps opened',
      },
      adoption: {
        title: 'The case for each mesh',
        sentence:
          'Moving to {{mesh}} takes {{implementations}} off {{teams}}, closes {{closed}}, opens {{opened}}.',
        implementations_one: '{{count}} implementation',
        implementations_other: '{{count}} implementations',
        teams_one: '{{count}} team',
        teams_other: '{{count}} teams',
        gaps_one: '{{count}} gap',
        gaps_other: '{{count}} gaps',
        show: 'What if on {{mesh}}',
        failed: '{{mesh}}: {{message}}',
        noSnapshot:
          'The case for each mesh appears once the first scheduled snapshot has been taken.',
        turnedOffToday_one:
          'Today {{count}} requirement is turned off on a mesh that can carry it: configuration closes it, no move needed.',
        turnedOffToday_other:
          'Today {{count}} requirements are turned off on meshes that can carry them: configuration closes them, no move needed.',
      },
    },
    card: {
      title: 'Mesh coverage',
      mesh: 'Mesh',
      noMesh: 'Kubernetes only (no mesh)',
      coverage: 'Coverage',
      coverageValue: '{{value}} %',
      nothingRequired: 'No requirements declared',
      gaps: 'Gaps',
      noGaps: 'No gaps: every requirement is covered.',
      meshFromPods: '(found in its pods)',
      turnedOff: 'Turned off',
      turnedOffHint:
        'Its mesh can take these, but is not configured to: the Requirements table has the fix.',
      unknownGap: 'not yet researched',
      alternative: 'Without a mesh:',
      errorsTitle: 'The mesh coverage annotations have errors',
      emptyTitle: 'No mesh coverage declared',
      emptyDescription:
        'Declare which mesh this component runs and what it needs in its catalog-info.yaml:',
      viewDetails: 'Details',
      observed: 'Running',
      observedMeshed:
        '{{declared}} declared · {{meshed}} of {{pods}} pods meshed',
      observedOther:
        '{{declared}} declared · {{meshed}} of {{pods}} pods run {{observed}}',
      observedNone: 'No mesh declared · {{meshed}} of {{pods}} pods meshed',
      observedNoPods: '{{declared}} declared · no pods found',
      observedDiffersTitle: 'Not running the declared mesh',
      observedDiffers:
        'None of its {{pods}} pods runs {{declared}}: the coverage above assumes a mesh that is not there.',
      observedOtherMesh:
        'Its pods run {{observed}}, not {{declared}}: correct meshcoverage.io/mesh or the deployment.',
      observedUndeclaredMesh:
        'Its pods run {{observed}}, but it declares no mesh: set meshcoverage.io/mesh.',
      observedPartialTitle: 'Partly meshed',
      observedPartial:
        '{{unmeshed}} of its {{pods}} pods do not run {{declared}}: they have none of its coverage.',
      observedUnavailable: 'Could not check what runs: {{message}}',
      edition: 'Figures from the {{edition}} edition of the matrix',
      editionCustom: 'Figures from your portal’s matrix ({{source}})',
      editionWithOverlays:
        'Figures from the {{edition}} edition of the matrix with your portal’s claims',
      editionNames: {
        seed: 'source document',
        current: 'current',
      },
    },
    scorecard: {
      title: 'Scorecard',
      passed: 'Passed',
      failed: 'Failed',
      noFacts:
        'No scorecard results yet: the mesh coverage facts are collected on a schedule; check back in a few minutes.',
      error: 'Scorecard results are unavailable: {{message}}',
      fixLabel: 'How to fix:',
      declare:
        'List the responsibilities this component needs in meshcoverage.io/requires.',
      fixAnnotations: 'Correct the meshcoverage.io annotations: {{errors}}',
      coverGap:
        'Cover {{id}} in the app and list it in meshcoverage.io/implements, or run a mesh that covers it ({{meshes}}).',
      coverGapNoMesh:
        'Cover {{id}} in the app and list it in meshcoverage.io/implements; no compared mesh covers it.',
      coverMtls:
        'Run a mesh that covers mtls ({{meshes}}), or implement mTLS in the app and list mtls in meshcoverage.io/implements.',
      matchObserved:
        'Make every pod run the declared mesh (inject its proxy or enrol the namespace), or set meshcoverage.io/mesh to what runs.',
      turnOn:
        'Turn on in the cluster what the mesh already covers: {{ids}}. The Requirements table on the Mesh coverage tab has the resource for each.',
      checks: {
        meshCoverageRequirementsConfigured: {
          name: 'Mesh configured for what it covers',
          description:
            'Every requirement the mesh takes off the app is turned on for the component in the cluster, as read through the Kubernetes backend.',
        },
        meshCoverageNoGaps: {
          name: 'No mesh coverage gaps',
          description:
            'The component declares what it requires (meshcoverage.io/requires) and every requirement is covered by its mesh or implemented by the app.',
        },
        meshCoverageMtls: {
          name: 'mTLS covered',
          description:
            'Service-to-service traffic is mutually authenticated: the mesh covers mTLS, or the app implements it and lists it in meshcoverage.io/implements.',
        },
        meshCoverageDeclared: {
          name: 'Mesh requirements declared',
          description:
            'The component declares its requirements in meshcoverage.io/requires and its meshcoverage.io annotations have no errors.',
        },
        meshCoverageObservedMatchesDeclared: {
          name: 'Runs the mesh it declares',
          description:
            'Every pod of the component runs the mesh meshcoverage.io/mesh declares (or none, when it declares none), as read through the Kubernetes backend.',
        },
      },
    },
    content: {
      title: 'Requirements, one by one',
      configured: 'Configured',
      configuredYes: 'On',
      configuredDefault: 'On by default',
      configuredNo: 'Off',
      configuredUnknown: 'Not known',
      evidence: '{{kind}} {{namespace}}/{{name}} ({{cluster}})',
      evidenceHidden: 'a {{kind}}',
      turnedOff:
        '{{mesh}} can take {{responsibility}} for {{component}}, but its configuration leaves it off. {{reason}}',
      fix: 'The smallest resource that turns it on:',
      status: 'Status',
      statusMesh: 'Mesh',
      statusApp: 'App',
      statusGap: 'Gap',
      statusTurnedOff: 'Turned off',
      cell: 'Matrix cell',
      alternative: 'Without a mesh',
      whatIf: 'What if this component ran',
      whatIfNone: 'Its current mesh',
      whatIfChange: 'Coverage would change from {{from}} to {{to}}',
      whatIfSame: 'Coverage would stay at {{value}}',
      whatIfObserved: 'As observed: {{mesh}}',
      whatIfObservedPartial: 'As observed: its unmeshed pods ({{mesh}})',
      changed: 'changes',
      noRequirements: 'This component declares no requirements.',
      history: {
        title: 'Coverage over time',
        since: 'Since',
        mesh: 'Mesh',
        coverage: 'Coverage',
        gaps: 'Gaps',
        noMesh: 'No valid mesh',
        changed: 'changed',
        none: 'No history yet: coverage is recorded with each scheduled fleet snapshot.',
        noChange: 'No change yet: the same figures since {{date}}.',
      },
    },
  },
  translations: {
    ja: () => import('./translations/ja'),
  },
});
