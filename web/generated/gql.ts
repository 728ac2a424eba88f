/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment AllianceMemberRef on Member { address name nameEn nameZh country sector }": typeof types.AllianceMemberRefFragmentDoc,
    "fragment AllianceStatus on Status { chainId isDevnet indexedHead latestBlockTime registry }": typeof types.AllianceStatusFragmentDoc,
    "fragment KpiFields on Kpi { id current target periodStart periodEnd period progress expectedProgress status asOf targetTxHash }": typeof types.KpiFieldsFragmentDoc,
    "fragment PlanPeriodFields on PlanPeriod { id start end startDate endDate }": typeof types.PlanPeriodFieldsFragmentDoc,
    "fragment MemberRow on Member {\n  ...AllianceMemberRef domestic region admittedAt removedAt active patentCount outputValue\n}": typeof types.MemberRowFragmentDoc,
    "fragment EvidenceNode on RegistryEvent {\n  __typename txHash blockNumber logIndex at time date member { ...AllianceMemberRef }\n  ... on Patent { applicationNo title filedAt }\n  ... on OutputReport { period periodLabel amount superseded }\n  ... on ScenarioStageChange { stage previousStage isLaunch scenario { id name nameEn nameZh } }\n  ... on MembershipChange { kind name country sector }\n}": typeof types.EvidenceNodeFragmentDoc,
    "query AllianceDashboard($period: String) {\n    status { ...AllianceStatus }\n    alliance { name chainName launchDate registry periods { ...PlanPeriodFields } currentPeriod { ...PlanPeriodFields } }\n    kpis(period: $period) { ...KpiFields series(interval: MONTH) { from to value } }\n  }": typeof types.AllianceDashboardDocument,
    "query KpiSeries($id: KpiId!, $period: String, $interval: Interval) {\n    kpi(id: $id, period: $period) { ...KpiFields series(interval: $interval) { date from to value delta expected } }\n  }": typeof types.KpiSeriesDocument,
    "query KpiBreakdown($id: KpiId!, $period: String, $by: BreakdownBy!, $limit: Int) {\n    kpi(id: $id, period: $period) { id current breakdown(by: $by, limit: $limit) { key label value share isRest member { ...AllianceMemberRef } } }\n  }": typeof types.KpiBreakdownDocument,
    "query QuarterlyOutput($period: String) {\n    alliance { quarterlyOutput(period: $period) { quarter label from to amount memberCount } }\n  }": typeof types.QuarterlyOutputDocument,
    "query ScenarioPipeline { alliance { scenarioPipeline { stage count } } }": typeof types.ScenarioPipelineDocument,
    "query EmbedStatus { status { ...AllianceStatus } }": typeof types.EmbedStatusDocument,
    "query EmbedChainStats($metric: ChainStatsMetric!, $interval: Interval, $from: Timestamp) {\n    status { ...AllianceStatus }\n    chainStats(metric: $metric, interval: $interval, from: $from) { date from to value }\n  }": typeof types.EmbedChainStatsDocument,
    "query KpiEvidence($id: KpiId!, $period: String, $from: Timestamp, $to: Timestamp, $member: String, $sector: String, $region: Region, $country: String, $countedOnly: Boolean, $first: Int, $after: String) {\n    kpi(id: $id, period: $period) {\n      id current\n      evidence(from: $from, to: $to, member: $member, sector: $sector, region: $region, country: $country, countedOnly: $countedOnly, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor counted delta node { ...EvidenceNode } }\n      }\n    }\n  }": typeof types.KpiEvidenceDocument,
    "query Members($orderBy: MemberOrder, $includeRemoved: Boolean, $region: Region, $sector: String, $first: Int, $after: String) {\n    alliance { sectors { sector count } }\n    members(orderBy: $orderBy, includeRemoved: $includeRemoved, region: $region, sector: $sector, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...MemberRow } }\n    }\n  }": typeof types.MembersDocument,
    "query MemberDetail($address: String!) {\n    member(address: $address) {\n      ...MemberRow admittedTxHash\n      patents(first: 100) { edges { node { txHash blockNumber applicationNo title filedAt date } } pageInfo { hasNextPage endCursor } }\n      reports(first: 100) { edges { node { txHash blockNumber at date period periodLabel amount superseded previous { amount txHash } supersededBy { amount txHash } } } pageInfo { hasNextPage endCursor } }\n      scenarios { id name nameEn nameZh sector stage stageSince launchedAt launchTxHash }\n      history { kind at date txHash blockNumber name }\n    }\n  }": typeof types.MemberDetailDocument,
    "query Scenarios($stage: ScenarioStage, $first: Int, $after: String) {\n    scenarios(stage: $stage, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name nameEn nameZh sector stage stageSince launchedAt launchTxHash leadMember { ...AllianceMemberRef } leadMemberAddress\n        stages { txHash blockNumber at date stage previousStage isLaunch } } }\n    }\n  }": typeof types.ScenariosDocument,
    "query Patents($member: String, $from: Timestamp, $to: Timestamp, $first: Int, $after: String) {\n    patents(member: $member, from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { txHash blockNumber applicationNo title filedAt date member { ...AllianceMemberRef } } }\n    }\n  }": typeof types.PatentsDocument,
    "query MemberOptions($after: String) {\n    members(first: 100, after: $after, includeRemoved: true) { pageInfo { hasNextPage endCursor } edges { node { address name nameEn nameZh } } }\n  }": typeof types.MemberOptionsDocument,
    "query QuarterReports($period: Int!, $first: Int, $after: String) {\n    outputReports(period: $period, includeSuperseded: true, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...EvidenceNode } }\n    }\n  }": typeof types.QuarterReportsDocument,
    "subscription NewBlock { newBlock { number } }": typeof types.NewBlockDocument,
    "fragment PageInfoFields on PageInfo { hasNextPage endCursor }": typeof types.PageInfoFieldsFragmentDoc,
    "fragment MemberRef on Member { address name nameEn nameZh }": typeof types.MemberRefFragmentDoc,
    "fragment BlockSummary on Block { number hash timestamp miner txCount gasUsed }": typeof types.BlockSummaryFragmentDoc,
    "fragment TxSummary on Transaction {\n  hash blockNumber index timestamp from to value status methodId contractAddress\n  fromMember { ...MemberRef } toMember { ...MemberRef } decodedCall { name source }\n}": typeof types.TxSummaryFragmentDoc,
    "fragment TxPage on TransactionConnection { edges { cursor node { ...TxSummary } } pageInfo { ...PageInfoFields } }": typeof types.TxPageFragmentDoc,
    "fragment StatPointFields on StatPoint { date from to value }": typeof types.StatPointFieldsFragmentDoc,
    "query Status {\n    status { chainId isDevnet chainHead indexedHead lag syncing registry latestBlockTime latestBlockHash }\n  }": typeof types.StatusDocument,
    "query Headline {\n    alliance { memberCount }\n    txTotals: chainStats(metric: TRANSACTIONS, interval: QUARTER, from: 0) { ...StatPointFields }\n  }": typeof types.HeadlineDocument,
    "query Blocks($first: Int, $after: String) {\n    blocks(first: $first, after: $after) { edges { cursor node { ...BlockSummary } } pageInfo { ...PageInfoFields } }\n  }": typeof types.BlocksDocument,
    "query Block($number: Int, $hash: String, $txFirst: Int, $txAfter: String) {\n    block(number: $number, hash: $hash) {\n      ...BlockSummary parentHash gasLimit baseFeePerGas size confirmations finalized minerMember { ...MemberRef }\n      transactions(first: $txFirst, after: $txAfter) { ...TxPage }\n    }\n    status { indexedHead }\n  }": typeof types.BlockDocument,
    "query Transactions($first: Int, $after: String, $address: String, $block: Int) {\n    transactions(first: $first, after: $after, address: $address, block: $block) { ...TxPage }\n  }": typeof types.TransactionsDocument,
    "query Transaction($hash: String!) {\n    transaction(hash: $hash) {\n      ...TxSummary nonce gas gasUsed gasPrice maxFeePerGas maxPriorityFeePerGas effectiveGasPrice fee input type\n      decodedCall { name source signature args { name value } }\n      logs { logIndex address topics data decoded { name source signature args { name value } } }\n      block { confirmations }\n    }\n  }": typeof types.TransactionDocument,
    "query Account($address: String!, $first: Int, $after: String) {\n    account(address: $address) {\n      address isContract txCount firstSeenBlock creationTx\n      member { ...MemberRef country sector domestic admittedAt removedAt active patentCount outputValue }\n      transactions(first: $first, after: $after) { ...TxPage }\n    }\n  }": typeof types.AccountDocument,
    "query Search($query: String!) {\n    search(query: $query) {\n      __typename\n      ... on Block { number hash }\n      ... on Transaction { hash }\n      ... on Account { address }\n      ... on Member { address name }\n      ... on Token { address }\n    }\n  }": typeof types.SearchDocument,
    "query ChainStats($metric: ChainStatsMetric!, $interval: Interval, $from: Timestamp, $to: Timestamp) {\n    chainStats(metric: $metric, interval: $interval, from: $from, to: $to) { ...StatPointFields }\n  }": typeof types.ChainStatsDocument,
    "query KpiTeaser {\n    kpis { id current target progress expectedProgress status }\n  }": typeof types.KpiTeaserDocument,
    "query Contract($address: String!) {\n    account(address: $address) {\n      address isContract\n      contract { name fullyQualifiedName compilerVersion matchKind abi settings constructorArgs creationTx license verifiedAt sources { path content } }\n    }\n    verification { compilers readsAvailable }\n  }": typeof types.ContractDocument,
    "query ReadContract($address: String!, $function: String!, $args: [String!]!) {\n    readContract(address: $address, function: $function, args: $args) { blockNumber values { name value } }\n  }": typeof types.ReadContractDocument,
};
const documents: Documents = {
    "fragment AllianceMemberRef on Member { address name nameEn nameZh country sector }": types.AllianceMemberRefFragmentDoc,
    "fragment AllianceStatus on Status { chainId isDevnet indexedHead latestBlockTime registry }": types.AllianceStatusFragmentDoc,
    "fragment KpiFields on Kpi { id current target periodStart periodEnd period progress expectedProgress status asOf targetTxHash }": types.KpiFieldsFragmentDoc,
    "fragment PlanPeriodFields on PlanPeriod { id start end startDate endDate }": types.PlanPeriodFieldsFragmentDoc,
    "fragment MemberRow on Member {\n  ...AllianceMemberRef domestic region admittedAt removedAt active patentCount outputValue\n}": types.MemberRowFragmentDoc,
    "fragment EvidenceNode on RegistryEvent {\n  __typename txHash blockNumber logIndex at time date member { ...AllianceMemberRef }\n  ... on Patent { applicationNo title filedAt }\n  ... on OutputReport { period periodLabel amount superseded }\n  ... on ScenarioStageChange { stage previousStage isLaunch scenario { id name nameEn nameZh } }\n  ... on MembershipChange { kind name country sector }\n}": types.EvidenceNodeFragmentDoc,
    "query AllianceDashboard($period: String) {\n    status { ...AllianceStatus }\n    alliance { name chainName launchDate registry periods { ...PlanPeriodFields } currentPeriod { ...PlanPeriodFields } }\n    kpis(period: $period) { ...KpiFields series(interval: MONTH) { from to value } }\n  }": types.AllianceDashboardDocument,
    "query KpiSeries($id: KpiId!, $period: String, $interval: Interval) {\n    kpi(id: $id, period: $period) { ...KpiFields series(interval: $interval) { date from to value delta expected } }\n  }": types.KpiSeriesDocument,
    "query KpiBreakdown($id: KpiId!, $period: String, $by: BreakdownBy!, $limit: Int) {\n    kpi(id: $id, period: $period) { id current breakdown(by: $by, limit: $limit) { key label value share isRest member { ...AllianceMemberRef } } }\n  }": types.KpiBreakdownDocument,
    "query QuarterlyOutput($period: String) {\n    alliance { quarterlyOutput(period: $period) { quarter label from to amount memberCount } }\n  }": types.QuarterlyOutputDocument,
    "query ScenarioPipeline { alliance { scenarioPipeline { stage count } } }": types.ScenarioPipelineDocument,
    "query EmbedStatus { status { ...AllianceStatus } }": types.EmbedStatusDocument,
    "query EmbedChainStats($metric: ChainStatsMetric!, $interval: Interval, $from: Timestamp) {\n    status { ...AllianceStatus }\n    chainStats(metric: $metric, interval: $interval, from: $from) { date from to value }\n  }": types.EmbedChainStatsDocument,
    "query KpiEvidence($id: KpiId!, $period: String, $from: Timestamp, $to: Timestamp, $member: String, $sector: String, $region: Region, $country: String, $countedOnly: Boolean, $first: Int, $after: String) {\n    kpi(id: $id, period: $period) {\n      id current\n      evidence(from: $from, to: $to, member: $member, sector: $sector, region: $region, country: $country, countedOnly: $countedOnly, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor counted delta node { ...EvidenceNode } }\n      }\n    }\n  }": types.KpiEvidenceDocument,
    "query Members($orderBy: MemberOrder, $includeRemoved: Boolean, $region: Region, $sector: String, $first: Int, $after: String) {\n    alliance { sectors { sector count } }\n    members(orderBy: $orderBy, includeRemoved: $includeRemoved, region: $region, sector: $sector, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...MemberRow } }\n    }\n  }": types.MembersDocument,
    "query MemberDetail($address: String!) {\n    member(address: $address) {\n      ...MemberRow admittedTxHash\n      patents(first: 100) { edges { node { txHash blockNumber applicationNo title filedAt date } } pageInfo { hasNextPage endCursor } }\n      reports(first: 100) { edges { node { txHash blockNumber at date period periodLabel amount superseded previous { amount txHash } supersededBy { amount txHash } } } pageInfo { hasNextPage endCursor } }\n      scenarios { id name nameEn nameZh sector stage stageSince launchedAt launchTxHash }\n      history { kind at date txHash blockNumber name }\n    }\n  }": types.MemberDetailDocument,
    "query Scenarios($stage: ScenarioStage, $first: Int, $after: String) {\n    scenarios(stage: $stage, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name nameEn nameZh sector stage stageSince launchedAt launchTxHash leadMember { ...AllianceMemberRef } leadMemberAddress\n        stages { txHash blockNumber at date stage previousStage isLaunch } } }\n    }\n  }": types.ScenariosDocument,
    "query Patents($member: String, $from: Timestamp, $to: Timestamp, $first: Int, $after: String) {\n    patents(member: $member, from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { txHash blockNumber applicationNo title filedAt date member { ...AllianceMemberRef } } }\n    }\n  }": types.PatentsDocument,
    "query MemberOptions($after: String) {\n    members(first: 100, after: $after, includeRemoved: true) { pageInfo { hasNextPage endCursor } edges { node { address name nameEn nameZh } } }\n  }": types.MemberOptionsDocument,
    "query QuarterReports($period: Int!, $first: Int, $after: String) {\n    outputReports(period: $period, includeSuperseded: true, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...EvidenceNode } }\n    }\n  }": types.QuarterReportsDocument,
    "subscription NewBlock { newBlock { number } }": types.NewBlockDocument,
    "fragment PageInfoFields on PageInfo { hasNextPage endCursor }": types.PageInfoFieldsFragmentDoc,
    "fragment MemberRef on Member { address name nameEn nameZh }": types.MemberRefFragmentDoc,
    "fragment BlockSummary on Block { number hash timestamp miner txCount gasUsed }": types.BlockSummaryFragmentDoc,
    "fragment TxSummary on Transaction {\n  hash blockNumber index timestamp from to value status methodId contractAddress\n  fromMember { ...MemberRef } toMember { ...MemberRef } decodedCall { name source }\n}": types.TxSummaryFragmentDoc,
    "fragment TxPage on TransactionConnection { edges { cursor node { ...TxSummary } } pageInfo { ...PageInfoFields } }": types.TxPageFragmentDoc,
    "fragment StatPointFields on StatPoint { date from to value }": types.StatPointFieldsFragmentDoc,
    "query Status {\n    status { chainId isDevnet chainHead indexedHead lag syncing registry latestBlockTime latestBlockHash }\n  }": types.StatusDocument,
    "query Headline {\n    alliance { memberCount }\n    txTotals: chainStats(metric: TRANSACTIONS, interval: QUARTER, from: 0) { ...StatPointFields }\n  }": types.HeadlineDocument,
    "query Blocks($first: Int, $after: String) {\n    blocks(first: $first, after: $after) { edges { cursor node { ...BlockSummary } } pageInfo { ...PageInfoFields } }\n  }": types.BlocksDocument,
    "query Block($number: Int, $hash: String, $txFirst: Int, $txAfter: String) {\n    block(number: $number, hash: $hash) {\n      ...BlockSummary parentHash gasLimit baseFeePerGas size confirmations finalized minerMember { ...MemberRef }\n      transactions(first: $txFirst, after: $txAfter) { ...TxPage }\n    }\n    status { indexedHead }\n  }": types.BlockDocument,
    "query Transactions($first: Int, $after: String, $address: String, $block: Int) {\n    transactions(first: $first, after: $after, address: $address, block: $block) { ...TxPage }\n  }": types.TransactionsDocument,
    "query Transaction($hash: String!) {\n    transaction(hash: $hash) {\n      ...TxSummary nonce gas gasUsed gasPrice maxFeePerGas maxPriorityFeePerGas effectiveGasPrice fee input type\n      decodedCall { name source signature args { name value } }\n      logs { logIndex address topics data decoded { name source signature args { name value } } }\n      block { confirmations }\n    }\n  }": types.TransactionDocument,
    "query Account($address: String!, $first: Int, $after: String) {\n    account(address: $address) {\n      address isContract txCount firstSeenBlock creationTx\n      member { ...MemberRef country sector domestic admittedAt removedAt active patentCount outputValue }\n      transactions(first: $first, after: $after) { ...TxPage }\n    }\n  }": types.AccountDocument,
    "query Search($query: String!) {\n    search(query: $query) {\n      __typename\n      ... on Block { number hash }\n      ... on Transaction { hash }\n      ... on Account { address }\n      ... on Member { address name }\n      ... on Token { address }\n    }\n  }": types.SearchDocument,
    "query ChainStats($metric: ChainStatsMetric!, $interval: Interval, $from: Timestamp, $to: Timestamp) {\n    chainStats(metric: $metric, interval: $interval, from: $from, to: $to) { ...StatPointFields }\n  }": types.ChainStatsDocument,
    "query KpiTeaser {\n    kpis { id current target progress expectedProgress status }\n  }": types.KpiTeaserDocument,
    "query Contract($address: String!) {\n    account(address: $address) {\n      address isContract\n      contract { name fullyQualifiedName compilerVersion matchKind abi settings constructorArgs creationTx license verifiedAt sources { path content } }\n    }\n    verification { compilers readsAvailable }\n  }": types.ContractDocument,
    "query ReadContract($address: String!, $function: String!, $args: [String!]!) {\n    readContract(address: $address, function: $function, args: $args) { blockNumber values { name value } }\n  }": types.ReadContractDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AllianceMemberRef on Member { address name nameEn nameZh country sector }"): typeof import('./graphql').AllianceMemberRefFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AllianceStatus on Status { chainId isDevnet indexedHead latestBlockTime registry }"): typeof import('./graphql').AllianceStatusFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment KpiFields on Kpi { id current target periodStart periodEnd period progress expectedProgress status asOf targetTxHash }"): typeof import('./graphql').KpiFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment PlanPeriodFields on PlanPeriod { id start end startDate endDate }"): typeof import('./graphql').PlanPeriodFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MemberRow on Member {\n  ...AllianceMemberRef domestic region admittedAt removedAt active patentCount outputValue\n}"): typeof import('./graphql').MemberRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment EvidenceNode on RegistryEvent {\n  __typename txHash blockNumber logIndex at time date member { ...AllianceMemberRef }\n  ... on Patent { applicationNo title filedAt }\n  ... on OutputReport { period periodLabel amount superseded }\n  ... on ScenarioStageChange { stage previousStage isLaunch scenario { id name nameEn nameZh } }\n  ... on MembershipChange { kind name country sector }\n}"): typeof import('./graphql').EvidenceNodeFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AllianceDashboard($period: String) {\n    status { ...AllianceStatus }\n    alliance { name chainName launchDate registry periods { ...PlanPeriodFields } currentPeriod { ...PlanPeriodFields } }\n    kpis(period: $period) { ...KpiFields series(interval: MONTH) { from to value } }\n  }"): typeof import('./graphql').AllianceDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query KpiSeries($id: KpiId!, $period: String, $interval: Interval) {\n    kpi(id: $id, period: $period) { ...KpiFields series(interval: $interval) { date from to value delta expected } }\n  }"): typeof import('./graphql').KpiSeriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query KpiBreakdown($id: KpiId!, $period: String, $by: BreakdownBy!, $limit: Int) {\n    kpi(id: $id, period: $period) { id current breakdown(by: $by, limit: $limit) { key label value share isRest member { ...AllianceMemberRef } } }\n  }"): typeof import('./graphql').KpiBreakdownDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuarterlyOutput($period: String) {\n    alliance { quarterlyOutput(period: $period) { quarter label from to amount memberCount } }\n  }"): typeof import('./graphql').QuarterlyOutputDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScenarioPipeline { alliance { scenarioPipeline { stage count } } }"): typeof import('./graphql').ScenarioPipelineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EmbedStatus { status { ...AllianceStatus } }"): typeof import('./graphql').EmbedStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EmbedChainStats($metric: ChainStatsMetric!, $interval: Interval, $from: Timestamp) {\n    status { ...AllianceStatus }\n    chainStats(metric: $metric, interval: $interval, from: $from) { date from to value }\n  }"): typeof import('./graphql').EmbedChainStatsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query KpiEvidence($id: KpiId!, $period: String, $from: Timestamp, $to: Timestamp, $member: String, $sector: String, $region: Region, $country: String, $countedOnly: Boolean, $first: Int, $after: String) {\n    kpi(id: $id, period: $period) {\n      id current\n      evidence(from: $from, to: $to, member: $member, sector: $sector, region: $region, country: $country, countedOnly: $countedOnly, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor counted delta node { ...EvidenceNode } }\n      }\n    }\n  }"): typeof import('./graphql').KpiEvidenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Members($orderBy: MemberOrder, $includeRemoved: Boolean, $region: Region, $sector: String, $first: Int, $after: String) {\n    alliance { sectors { sector count } }\n    members(orderBy: $orderBy, includeRemoved: $includeRemoved, region: $region, sector: $sector, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...MemberRow } }\n    }\n  }"): typeof import('./graphql').MembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MemberDetail($address: String!) {\n    member(address: $address) {\n      ...MemberRow admittedTxHash\n      patents(first: 100) { edges { node { txHash blockNumber applicationNo title filedAt date } } pageInfo { hasNextPage endCursor } }\n      reports(first: 100) { edges { node { txHash blockNumber at date period periodLabel amount superseded previous { amount txHash } supersededBy { amount txHash } } } pageInfo { hasNextPage endCursor } }\n      scenarios { id name nameEn nameZh sector stage stageSince launchedAt launchTxHash }\n      history { kind at date txHash blockNumber name }\n    }\n  }"): typeof import('./graphql').MemberDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Scenarios($stage: ScenarioStage, $first: Int, $after: String) {\n    scenarios(stage: $stage, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name nameEn nameZh sector stage stageSince launchedAt launchTxHash leadMember { ...AllianceMemberRef } leadMemberAddress\n        stages { txHash blockNumber at date stage previousStage isLaunch } } }\n    }\n  }"): typeof import('./graphql').ScenariosDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Patents($member: String, $from: Timestamp, $to: Timestamp, $first: Int, $after: String) {\n    patents(member: $member, from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { txHash blockNumber applicationNo title filedAt date member { ...AllianceMemberRef } } }\n    }\n  }"): typeof import('./graphql').PatentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MemberOptions($after: String) {\n    members(first: 100, after: $after, includeRemoved: true) { pageInfo { hasNextPage endCursor } edges { node { address name nameEn nameZh } } }\n  }"): typeof import('./graphql').MemberOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuarterReports($period: Int!, $first: Int, $after: String) {\n    outputReports(period: $period, includeSuperseded: true, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...EvidenceNode } }\n    }\n  }"): typeof import('./graphql').QuarterReportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription NewBlock { newBlock { number } }"): typeof import('./graphql').NewBlockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment PageInfoFields on PageInfo { hasNextPage endCursor }"): typeof import('./graphql').PageInfoFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MemberRef on Member { address name nameEn nameZh }"): typeof import('./graphql').MemberRefFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment BlockSummary on Block { number hash timestamp miner txCount gasUsed }"): typeof import('./graphql').BlockSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TxSummary on Transaction {\n  hash blockNumber index timestamp from to value status methodId contractAddress\n  fromMember { ...MemberRef } toMember { ...MemberRef } decodedCall { name source }\n}"): typeof import('./graphql').TxSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TxPage on TransactionConnection { edges { cursor node { ...TxSummary } } pageInfo { ...PageInfoFields } }"): typeof import('./graphql').TxPageFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment StatPointFields on StatPoint { date from to value }"): typeof import('./graphql').StatPointFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Status {\n    status { chainId isDevnet chainHead indexedHead lag syncing registry latestBlockTime latestBlockHash }\n  }"): typeof import('./graphql').StatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Headline {\n    alliance { memberCount }\n    txTotals: chainStats(metric: TRANSACTIONS, interval: QUARTER, from: 0) { ...StatPointFields }\n  }"): typeof import('./graphql').HeadlineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Blocks($first: Int, $after: String) {\n    blocks(first: $first, after: $after) { edges { cursor node { ...BlockSummary } } pageInfo { ...PageInfoFields } }\n  }"): typeof import('./graphql').BlocksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Block($number: Int, $hash: String, $txFirst: Int, $txAfter: String) {\n    block(number: $number, hash: $hash) {\n      ...BlockSummary parentHash gasLimit baseFeePerGas size confirmations finalized minerMember { ...MemberRef }\n      transactions(first: $txFirst, after: $txAfter) { ...TxPage }\n    }\n    status { indexedHead }\n  }"): typeof import('./graphql').BlockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Transactions($first: Int, $after: String, $address: String, $block: Int) {\n    transactions(first: $first, after: $after, address: $address, block: $block) { ...TxPage }\n  }"): typeof import('./graphql').TransactionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Transaction($hash: String!) {\n    transaction(hash: $hash) {\n      ...TxSummary nonce gas gasUsed gasPrice maxFeePerGas maxPriorityFeePerGas effectiveGasPrice fee input type\n      decodedCall { name source signature args { name value } }\n      logs { logIndex address topics data decoded { name source signature args { name value } } }\n      block { confirmations }\n    }\n  }"): typeof import('./graphql').TransactionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Account($address: String!, $first: Int, $after: String) {\n    account(address: $address) {\n      address isContract txCount firstSeenBlock creationTx\n      member { ...MemberRef country sector domestic admittedAt removedAt active patentCount outputValue }\n      transactions(first: $first, after: $after) { ...TxPage }\n    }\n  }"): typeof import('./graphql').AccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Search($query: String!) {\n    search(query: $query) {\n      __typename\n      ... on Block { number hash }\n      ... on Transaction { hash }\n      ... on Account { address }\n      ... on Member { address name }\n      ... on Token { address }\n    }\n  }"): typeof import('./graphql').SearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChainStats($metric: ChainStatsMetric!, $interval: Interval, $from: Timestamp, $to: Timestamp) {\n    chainStats(metric: $metric, interval: $interval, from: $from, to: $to) { ...StatPointFields }\n  }"): typeof import('./graphql').ChainStatsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query KpiTeaser {\n    kpis { id current target progress expectedProgress status }\n  }"): typeof import('./graphql').KpiTeaserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Contract($address: String!) {\n    account(address: $address) {\n      address isContract\n      contract { name fullyQualifiedName compilerVersion matchKind abi settings constructorArgs creationTx license verifiedAt sources { path content } }\n    }\n    verification { compilers readsAvailable }\n  }"): typeof import('./graphql').ContractDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReadContract($address: String!, $function: String!, $args: [String!]!) {\n    readContract(address: $address, function: $function, args: $args) { blockNumber values { name value } }\n  }"): typeof import('./graphql').ReadContractDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
