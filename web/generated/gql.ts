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
    "fragment KpiFields on Kpi { id current target periodStart periodEnd period progress expectedProgress status startLevel projectedAtEnd projectedShare ended reachedAt asOf targetTxHash }": typeof types.KpiFieldsFragmentDoc,
    "fragment PlanPeriodFields on PlanPeriod { id start end startDate endDate }": typeof types.PlanPeriodFieldsFragmentDoc,
    "fragment MemberRow on Member {\n  ...AllianceMemberRef domestic region admittedAt removedAt active patentCount outputValue\n}": typeof types.MemberRowFragmentDoc,
    "fragment EvidenceNode on RegistryEvent {\n  __typename txHash blockNumber logIndex at time date member { ...AllianceMemberRef }\n  ... on Patent { applicationNo title filedAt }\n  ... on OutputReport { period periodLabel amount superseded }\n  ... on ScenarioStageChange { stage previousStage isLaunch scenario { id name nameEn nameZh } }\n  ... on MembershipChange { kind name country sector }\n}": typeof types.EvidenceNodeFragmentDoc,
    "query AllianceDashboard($period: String) {\n    status { ...AllianceStatus }\n    alliance { name chainName launchDate registry periods { ...PlanPeriodFields } currentPeriod { ...PlanPeriodFields } }\n    kpis(period: $period) { ...KpiFields }\n  }": typeof types.AllianceDashboardDocument,
    "query KpiSeries($id: KpiId!, $period: String, $interval: Interval) {\n    kpi(id: $id, period: $period) { ...KpiFields series(interval: $interval) { date from to value delta expected } }\n  }": typeof types.KpiSeriesDocument,
    "query KpiBreakdown($id: KpiId!, $period: String, $by: BreakdownBy!, $limit: Int) {\n    kpi(id: $id, period: $period) { id current breakdown(by: $by, limit: $limit) { key label value share isRest member { ...AllianceMemberRef } } }\n  }": typeof types.KpiBreakdownDocument,
    "query QuarterlyOutput($period: String) {\n    alliance { quarterlyOutput(period: $period) { quarter label from to amount memberCount } }\n  }": typeof types.QuarterlyOutputDocument,
    "query YearOverYear {\n    alliance { yearOverYear { year complete patents patentsChange patentsChangeShare outputValue outputValueChange outputValueChangeShare } }\n  }": typeof types.YearOverYearDocument,
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
    "fragment BlockSummary on Block { number hash timestamp miner txCount gasUsed sealer sealerLabel sealerMember { ...MemberRef } }": typeof types.BlockSummaryFragmentDoc,
    "fragment TxSummary on Transaction {\n  hash blockNumber index timestamp from to value status methodId contractAddress\n  fromMember { ...MemberRef } toMember { ...MemberRef } decodedCall { name source }\n}": typeof types.TxSummaryFragmentDoc,
    "fragment TxPage on TransactionConnection { edges { cursor node { ...TxSummary } } pageInfo { ...PageInfoFields } }": typeof types.TxPageFragmentDoc,
    "fragment StatPointFields on StatPoint { date from to value }": typeof types.StatPointFieldsFragmentDoc,
    "query AccountNames($addresses: [String!]!) {\n    accounts(addresses: $addresses) { address label labelSource }\n  }": typeof types.AccountNamesDocument,
    "query Status {\n    status { chainId isDevnet chainHead indexedHead lag syncing registry latestBlockTime latestBlockHash\n      nativeCoin { symbol name decimals } internalTransactions chainName publicRpcUrl }\n  }": typeof types.StatusDocument,
    "query Headline {\n    alliance { memberCount }\n    txTotals: chainStats(metric: TRANSACTIONS, interval: QUARTER, from: 0) { ...StatPointFields }\n  }": typeof types.HeadlineDocument,
    "query Blocks($first: Int, $after: String) {\n    blocks(first: $first, after: $after) { edges { cursor node { ...BlockSummary } } pageInfo { ...PageInfoFields } }\n  }": typeof types.BlocksDocument,
    "query Block($number: Int, $hash: String, $txFirst: Int, $txAfter: String, $txFilter: TransactionFilter) {\n    block(number: $number, hash: $hash) {\n      ...BlockSummary parentHash gasLimit baseFeePerGas size confirmations finalized minerMember { ...MemberRef }\n      transactions(first: $txFirst, after: $txAfter, filter: $txFilter) { ...TxPage }\n    }\n    status { indexedHead }\n  }": typeof types.BlockDocument,
    "query Transactions($first: Int, $after: String, $address: String, $block: Int, $filter: TransactionFilter) {\n    transactions(first: $first, after: $after, address: $address, block: $block, filter: $filter) { ...TxPage }\n  }": typeof types.TransactionsDocument,
    "query Transaction($hash: String!) {\n    transaction(hash: $hash) {\n      ...TxSummary nonce gas gasUsed gasPrice maxFeePerGas maxPriorityFeePerGas effectiveGasPrice fee input type\n      decodedCall { name source signature args { name value } }\n      logs { logIndex address topics data decoded { name source signature args { name value } } }\n      block { confirmations }\n    }\n  }": typeof types.TransactionDocument,
    "query Account($address: String!, $first: Int, $after: String, $filter: TransactionFilter) {\n    account(address: $address) {\n      address isContract txCount firstSeenBlock creationTx label labelSource operatorLabel { label note link }\n      member { ...MemberRef country sector domestic admittedAt removedAt active patentCount outputValue }\n      transactions(first: $first, after: $after, filter: $filter) { ...TxPage }\n    }\n  }": typeof types.AccountDocument,
    "query Search($query: String!) {\n    search(query: $query) {\n      __typename\n      ... on Block { number hash }\n      ... on Transaction { hash }\n      ... on Account { address }\n      ... on Member { address name }\n      ... on Token { address }\n    }\n  }": typeof types.SearchDocument,
    "query ChainStats($metric: ChainStatsMetric!, $interval: Interval, $from: Timestamp, $to: Timestamp) {\n    chainStats(metric: $metric, interval: $interval, from: $from, to: $to) { ...StatPointFields }\n  }": typeof types.ChainStatsDocument,
    "query SearchSuggestions($query: String!, $first: Int) {\n    searchSuggestions(query: $query, first: $first) { kind value label detail }\n  }": typeof types.SearchSuggestionsDocument,
    "query KpiTeaser {\n    kpis { id current target progress expectedProgress status }\n  }": typeof types.KpiTeaserDocument,
    "query Contract($address: String!) {\n    account(address: $address) {\n      address isContract\n      contract { name fullyQualifiedName compilerVersion matchKind abi settings constructorArgs license verifiedAt sources { path content } }\n      proxy { kind implementation beacon }\n    }\n    verification { compilers readsAvailable }\n  }": typeof types.ContractDocument,
    "query ImplementationAbi($address: String!) {\n    account(address: $address) { address contract { name abi } }\n  }": typeof types.ImplementationAbiDocument,
    "query ReadContract($address: String!, $function: String!, $args: [String!]!, $abiFrom: String) {\n    readContract(address: $address, function: $function, args: $args, abiFrom: $abiFrom) { blockNumber values { name value } }\n  }": typeof types.ReadContractDocument,
    "fragment TokenRef on Token { address type name symbol decimals issues }": typeof types.TokenRefFragmentDoc,
    "fragment TokenSummary on Token { ...TokenRef totalSupply holderCount transferCount }": typeof types.TokenSummaryFragmentDoc,
    "fragment TokenTransferFields on TokenTransfer {\n  token { ...TokenRef } type transactionHash blockNumber timestamp logIndex batchIndex from to value tokenId\n}": typeof types.TokenTransferFieldsFragmentDoc,
    "fragment InternalTx on InternalTransaction { transactionHash blockNumber timestamp index traceAddress depth from to value callType error }": typeof types.InternalTxFragmentDoc,
    "fragment Holding on TokenBalance { address token { ...TokenRef } tokenId balance share }": typeof types.HoldingFragmentDoc,
    "fragment CoinBalanceFields on CoinBalance { blockNumber timestamp balance delta }": typeof types.CoinBalanceFieldsFragmentDoc,
    "query AccountBalance($address: String!) {\n    account(address: $address) { address balance balanceSource balanceBlock token { ...TokenRef } }\n  }": typeof types.AccountBalanceDocument,
    "query BalanceHistory($address: String!, $first: Int, $after: String) {\n    status { balancesExactFrom }\n    account(address: $address) { balanceHistory(first: $first, after: $after) { edges { cursor node { ...CoinBalanceFields } } pageInfo { ...PageInfoFields } } }\n  }": typeof types.BalanceHistoryDocument,
    "query AccountInternal($address: String!, $first: Int, $after: String) {\n    account(address: $address) { internalTransactions(first: $first, after: $after) { edges { cursor node { ...InternalTx } } pageInfo { ...PageInfoFields } } }\n  }": typeof types.AccountInternalDocument,
    "query AccountTransfers($address: String!, $first: Int, $after: String) {\n    account(address: $address) { tokenTransfers(first: $first, after: $after) { edges { cursor node { ...TokenTransferFields } } pageInfo { ...PageInfoFields } } }\n  }": typeof types.AccountTransfersDocument,
    "query AccountHoldings($address: String!, $first: Int, $after: String) {\n    account(address: $address) { tokenBalances(first: $first, after: $after) { edges { cursor node { ...Holding } } pageInfo { ...PageInfoFields } } }\n  }": typeof types.AccountHoldingsDocument,
    "query Token($address: String!) {\n    token(address: $address) { ...TokenSummary firstSeenBlock }\n  }": typeof types.TokenDocument,
    "query TokenHolders($address: String!, $first: Int, $after: String) {\n    token(address: $address) { holders(first: $first, after: $after) { edges { cursor node { ...Holding } } pageInfo { ...PageInfoFields } } }\n  }": typeof types.TokenHoldersDocument,
    "query TokenTransfers($address: String!, $first: Int, $after: String) {\n    token(address: $address) { transfers(first: $first, after: $after) { edges { cursor node { ...TokenTransferFields } } pageInfo { ...PageInfoFields } } }\n  }": typeof types.TokenTransfersDocument,
    "query TokenInventory($address: String!, $first: Int, $after: String) {\n    token(address: $address) {\n      inventory(first: $first, after: $after) { edges { cursor node { tokenId owner metadataStatus metadata { name image } } } pageInfo { ...PageInfoFields } }\n    }\n  }": typeof types.TokenInventoryDocument,
    "query TokenInstance($address: String!, $tokenId: BigInt!) {\n    token(address: $address) {\n      ...TokenRef\n      instance(tokenId: $tokenId) {\n        tokenId owner metadataStatus metadataUri metadataError metadataFetchedAt\n        metadata { name description image attributes { traitType value displayType } }\n      }\n    }\n  }": typeof types.TokenInstanceDocument,
    "query TokenIdHolders($address: String!, $tokenId: BigInt!, $first: Int, $after: String) {\n    token(address: $address) { holders(tokenId: $tokenId, first: $first, after: $after) { edges { cursor node { ...Holding } } pageInfo { ...PageInfoFields } } }\n  }": typeof types.TokenIdHoldersDocument,
    "query TokenIdTransfers($address: String!, $tokenId: BigInt!, $first: Int, $after: String) {\n    token(address: $address) { transfers(tokenId: $tokenId, first: $first, after: $after) { edges { cursor node { ...TokenTransferFields } } pageInfo { ...PageInfoFields } } }\n  }": typeof types.TokenIdTransfersDocument,
    "query Tokens($type: TokenType, $first: Int, $after: String) {\n    tokens(type: $type, first: $first, after: $after) { edges { cursor node { ...TokenSummary } } pageInfo { ...PageInfoFields } }\n  }": typeof types.TokensDocument,
    "query TopAccounts($first: Int, $after: String) {\n    topAccounts(first: $first, after: $after) {\n      edges { cursor node { address balance txCount isContract member { ...MemberRef } } } pageInfo { ...PageInfoFields }\n    }\n  }": typeof types.TopAccountsDocument,
    "query TxTransfers($hash: String!) {\n    transaction(hash: $hash) { hash tokenTransfers { ...TokenTransferFields } internalTransactions { ...InternalTx } }\n  }": typeof types.TxTransfersDocument,
    "fragment TraceFrameFields on TraceFrame {\n  path depth callType from to value gas gasUsed input output error revertReason\n  decodedInput { name source signature args { name value } } decodedOutput { name value }\n}": typeof types.TraceFrameFieldsFragmentDoc,
    "query TxSummaryLine($hash: String!, $lang: Language) {\n    transaction(hash: $hash) { hash summary(lang: $lang) }\n  }": typeof types.TxSummaryLineDocument,
    "query TxTrace($hash: String!) {\n    transaction(hash: $hash) { hash trace { status complete frames { ...TraceFrameFields } } }\n  }": typeof types.TxTraceDocument,
    "query TxState($hash: String!) {\n    transaction(hash: $hash) {\n      hash stateChangesStatus trace { complete }\n      stateChanges { kind address token { ...TokenRef } tokenId slot before after delta }\n    }\n  }": typeof types.TxStateDocument,
    "query Validators($first: Int, $after: String) {\n    validators(first: $first, after: $after) {\n      edges { cursor node {\n        address nodeLabel registered blocksSealed blocks24h blocks7d share share24h share7d lastSealedBlock lastSealedAt status\n        member { ...MemberRef }\n      } }\n      pageInfo { ...PageInfoFields }\n      totalCount activeCount setSize offlineAfterTurns head headTime\n    }\n    status { sealScheme }\n  }": typeof types.ValidatorsDocument,
    "query ValidatorHistory {\n    validatorSetChanges(first: 20) { blockNumber validators added removed }\n    validatorVotes(first: 20) { blockNumber proposer candidate add }\n  }": typeof types.ValidatorHistoryDocument,
    "query ValidatorCharts($blocks: Int, $buckets: Int) {\n    blockTimeDistribution(blocks: $blocks) { minSeconds maxSeconds count }\n    blocksPerValidator(interval: MONTH, buckets: $buckets) { address nodeLabel member { ...MemberRef } points { date value } }\n  }": typeof types.ValidatorChartsDocument,
    "query ActiveValidators {\n    status { activeValidators }\n    validators(first: 1) { totalCount }\n  }": typeof types.ActiveValidatorsDocument,
    "query MemberNodes($address: String!) {\n    member(address: $address) { address nodes { address label registeredAt registeredBlock deregisteredBlock blocksSealed } }\n  }": typeof types.MemberNodesDocument,
};
const documents: Documents = {
    "fragment AllianceMemberRef on Member { address name nameEn nameZh country sector }": types.AllianceMemberRefFragmentDoc,
    "fragment AllianceStatus on Status { chainId isDevnet indexedHead latestBlockTime registry }": types.AllianceStatusFragmentDoc,
    "fragment KpiFields on Kpi { id current target periodStart periodEnd period progress expectedProgress status startLevel projectedAtEnd projectedShare ended reachedAt asOf targetTxHash }": types.KpiFieldsFragmentDoc,
    "fragment PlanPeriodFields on PlanPeriod { id start end startDate endDate }": types.PlanPeriodFieldsFragmentDoc,
    "fragment MemberRow on Member {\n  ...AllianceMemberRef domestic region admittedAt removedAt active patentCount outputValue\n}": types.MemberRowFragmentDoc,
    "fragment EvidenceNode on RegistryEvent {\n  __typename txHash blockNumber logIndex at time date member { ...AllianceMemberRef }\n  ... on Patent { applicationNo title filedAt }\n  ... on OutputReport { period periodLabel amount superseded }\n  ... on ScenarioStageChange { stage previousStage isLaunch scenario { id name nameEn nameZh } }\n  ... on MembershipChange { kind name country sector }\n}": types.EvidenceNodeFragmentDoc,
    "query AllianceDashboard($period: String) {\n    status { ...AllianceStatus }\n    alliance { name chainName launchDate registry periods { ...PlanPeriodFields } currentPeriod { ...PlanPeriodFields } }\n    kpis(period: $period) { ...KpiFields }\n  }": types.AllianceDashboardDocument,
    "query KpiSeries($id: KpiId!, $period: String, $interval: Interval) {\n    kpi(id: $id, period: $period) { ...KpiFields series(interval: $interval) { date from to value delta expected } }\n  }": types.KpiSeriesDocument,
    "query KpiBreakdown($id: KpiId!, $period: String, $by: BreakdownBy!, $limit: Int) {\n    kpi(id: $id, period: $period) { id current breakdown(by: $by, limit: $limit) { key label value share isRest member { ...AllianceMemberRef } } }\n  }": types.KpiBreakdownDocument,
    "query QuarterlyOutput($period: String) {\n    alliance { quarterlyOutput(period: $period) { quarter label from to amount memberCount } }\n  }": types.QuarterlyOutputDocument,
    "query YearOverYear {\n    alliance { yearOverYear { year complete patents patentsChange patentsChangeShare outputValue outputValueChange outputValueChangeShare } }\n  }": types.YearOverYearDocument,
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
    "fragment BlockSummary on Block { number hash timestamp miner txCount gasUsed sealer sealerLabel sealerMember { ...MemberRef } }": types.BlockSummaryFragmentDoc,
    "fragment TxSummary on Transaction {\n  hash blockNumber index timestamp from to value status methodId contractAddress\n  fromMember { ...MemberRef } toMember { ...MemberRef } decodedCall { name source }\n}": types.TxSummaryFragmentDoc,
    "fragment TxPage on TransactionConnection { edges { cursor node { ...TxSummary } } pageInfo { ...PageInfoFields } }": types.TxPageFragmentDoc,
    "fragment StatPointFields on StatPoint { date from to value }": types.StatPointFieldsFragmentDoc,
    "query AccountNames($addresses: [String!]!) {\n    accounts(addresses: $addresses) { address label labelSource }\n  }": types.AccountNamesDocument,
    "query Status {\n    status { chainId isDevnet chainHead indexedHead lag syncing registry latestBlockTime latestBlockHash\n      nativeCoin { symbol name decimals } internalTransactions chainName publicRpcUrl }\n  }": types.StatusDocument,
    "query Headline {\n    alliance { memberCount }\n    txTotals: chainStats(metric: TRANSACTIONS, interval: QUARTER, from: 0) { ...StatPointFields }\n  }": types.HeadlineDocument,
    "query Blocks($first: Int, $after: String) {\n    blocks(first: $first, after: $after) { edges { cursor node { ...BlockSummary } } pageInfo { ...PageInfoFields } }\n  }": types.BlocksDocument,
    "query Block($number: Int, $hash: String, $txFirst: Int, $txAfter: String, $txFilter: TransactionFilter) {\n    block(number: $number, hash: $hash) {\n      ...BlockSummary parentHash gasLimit baseFeePerGas size confirmations finalized minerMember { ...MemberRef }\n      transactions(first: $txFirst, after: $txAfter, filter: $txFilter) { ...TxPage }\n    }\n    status { indexedHead }\n  }": types.BlockDocument,
    "query Transactions($first: Int, $after: String, $address: String, $block: Int, $filter: TransactionFilter) {\n    transactions(first: $first, after: $after, address: $address, block: $block, filter: $filter) { ...TxPage }\n  }": types.TransactionsDocument,
    "query Transaction($hash: String!) {\n    transaction(hash: $hash) {\n      ...TxSummary nonce gas gasUsed gasPrice maxFeePerGas maxPriorityFeePerGas effectiveGasPrice fee input type\n      decodedCall { name source signature args { name value } }\n      logs { logIndex address topics data decoded { name source signature args { name value } } }\n      block { confirmations }\n    }\n  }": types.TransactionDocument,
    "query Account($address: String!, $first: Int, $after: String, $filter: TransactionFilter) {\n    account(address: $address) {\n      address isContract txCount firstSeenBlock creationTx label labelSource operatorLabel { label note link }\n      member { ...MemberRef country sector domestic admittedAt removedAt active patentCount outputValue }\n      transactions(first: $first, after: $after, filter: $filter) { ...TxPage }\n    }\n  }": types.AccountDocument,
    "query Search($query: String!) {\n    search(query: $query) {\n      __typename\n      ... on Block { number hash }\n      ... on Transaction { hash }\n      ... on Account { address }\n      ... on Member { address name }\n      ... on Token { address }\n    }\n  }": types.SearchDocument,
    "query ChainStats($metric: ChainStatsMetric!, $interval: Interval, $from: Timestamp, $to: Timestamp) {\n    chainStats(metric: $metric, interval: $interval, from: $from, to: $to) { ...StatPointFields }\n  }": types.ChainStatsDocument,
    "query SearchSuggestions($query: String!, $first: Int) {\n    searchSuggestions(query: $query, first: $first) { kind value label detail }\n  }": types.SearchSuggestionsDocument,
    "query KpiTeaser {\n    kpis { id current target progress expectedProgress status }\n  }": types.KpiTeaserDocument,
    "query Contract($address: String!) {\n    account(address: $address) {\n      address isContract\n      contract { name fullyQualifiedName compilerVersion matchKind abi settings constructorArgs license verifiedAt sources { path content } }\n      proxy { kind implementation beacon }\n    }\n    verification { compilers readsAvailable }\n  }": types.ContractDocument,
    "query ImplementationAbi($address: String!) {\n    account(address: $address) { address contract { name abi } }\n  }": types.ImplementationAbiDocument,
    "query ReadContract($address: String!, $function: String!, $args: [String!]!, $abiFrom: String) {\n    readContract(address: $address, function: $function, args: $args, abiFrom: $abiFrom) { blockNumber values { name value } }\n  }": types.ReadContractDocument,
    "fragment TokenRef on Token { address type name symbol decimals issues }": types.TokenRefFragmentDoc,
    "fragment TokenSummary on Token { ...TokenRef totalSupply holderCount transferCount }": types.TokenSummaryFragmentDoc,
    "fragment TokenTransferFields on TokenTransfer {\n  token { ...TokenRef } type transactionHash blockNumber timestamp logIndex batchIndex from to value tokenId\n}": types.TokenTransferFieldsFragmentDoc,
    "fragment InternalTx on InternalTransaction { transactionHash blockNumber timestamp index traceAddress depth from to value callType error }": types.InternalTxFragmentDoc,
    "fragment Holding on TokenBalance { address token { ...TokenRef } tokenId balance share }": types.HoldingFragmentDoc,
    "fragment CoinBalanceFields on CoinBalance { blockNumber timestamp balance delta }": types.CoinBalanceFieldsFragmentDoc,
    "query AccountBalance($address: String!) {\n    account(address: $address) { address balance balanceSource balanceBlock token { ...TokenRef } }\n  }": types.AccountBalanceDocument,
    "query BalanceHistory($address: String!, $first: Int, $after: String) {\n    status { balancesExactFrom }\n    account(address: $address) { balanceHistory(first: $first, after: $after) { edges { cursor node { ...CoinBalanceFields } } pageInfo { ...PageInfoFields } } }\n  }": types.BalanceHistoryDocument,
    "query AccountInternal($address: String!, $first: Int, $after: String) {\n    account(address: $address) { internalTransactions(first: $first, after: $after) { edges { cursor node { ...InternalTx } } pageInfo { ...PageInfoFields } } }\n  }": types.AccountInternalDocument,
    "query AccountTransfers($address: String!, $first: Int, $after: String) {\n    account(address: $address) { tokenTransfers(first: $first, after: $after) { edges { cursor node { ...TokenTransferFields } } pageInfo { ...PageInfoFields } } }\n  }": types.AccountTransfersDocument,
    "query AccountHoldings($address: String!, $first: Int, $after: String) {\n    account(address: $address) { tokenBalances(first: $first, after: $after) { edges { cursor node { ...Holding } } pageInfo { ...PageInfoFields } } }\n  }": types.AccountHoldingsDocument,
    "query Token($address: String!) {\n    token(address: $address) { ...TokenSummary firstSeenBlock }\n  }": types.TokenDocument,
    "query TokenHolders($address: String!, $first: Int, $after: String) {\n    token(address: $address) { holders(first: $first, after: $after) { edges { cursor node { ...Holding } } pageInfo { ...PageInfoFields } } }\n  }": types.TokenHoldersDocument,
    "query TokenTransfers($address: String!, $first: Int, $after: String) {\n    token(address: $address) { transfers(first: $first, after: $after) { edges { cursor node { ...TokenTransferFields } } pageInfo { ...PageInfoFields } } }\n  }": types.TokenTransfersDocument,
    "query TokenInventory($address: String!, $first: Int, $after: String) {\n    token(address: $address) {\n      inventory(first: $first, after: $after) { edges { cursor node { tokenId owner metadataStatus metadata { name image } } } pageInfo { ...PageInfoFields } }\n    }\n  }": types.TokenInventoryDocument,
    "query TokenInstance($address: String!, $tokenId: BigInt!) {\n    token(address: $address) {\n      ...TokenRef\n      instance(tokenId: $tokenId) {\n        tokenId owner metadataStatus metadataUri metadataError metadataFetchedAt\n        metadata { name description image attributes { traitType value displayType } }\n      }\n    }\n  }": types.TokenInstanceDocument,
    "query TokenIdHolders($address: String!, $tokenId: BigInt!, $first: Int, $after: String) {\n    token(address: $address) { holders(tokenId: $tokenId, first: $first, after: $after) { edges { cursor node { ...Holding } } pageInfo { ...PageInfoFields } } }\n  }": types.TokenIdHoldersDocument,
    "query TokenIdTransfers($address: String!, $tokenId: BigInt!, $first: Int, $after: String) {\n    token(address: $address) { transfers(tokenId: $tokenId, first: $first, after: $after) { edges { cursor node { ...TokenTransferFields } } pageInfo { ...PageInfoFields } } }\n  }": types.TokenIdTransfersDocument,
    "query Tokens($type: TokenType, $first: Int, $after: String) {\n    tokens(type: $type, first: $first, after: $after) { edges { cursor node { ...TokenSummary } } pageInfo { ...PageInfoFields } }\n  }": types.TokensDocument,
    "query TopAccounts($first: Int, $after: String) {\n    topAccounts(first: $first, after: $after) {\n      edges { cursor node { address balance txCount isContract member { ...MemberRef } } } pageInfo { ...PageInfoFields }\n    }\n  }": types.TopAccountsDocument,
    "query TxTransfers($hash: String!) {\n    transaction(hash: $hash) { hash tokenTransfers { ...TokenTransferFields } internalTransactions { ...InternalTx } }\n  }": types.TxTransfersDocument,
    "fragment TraceFrameFields on TraceFrame {\n  path depth callType from to value gas gasUsed input output error revertReason\n  decodedInput { name source signature args { name value } } decodedOutput { name value }\n}": types.TraceFrameFieldsFragmentDoc,
    "query TxSummaryLine($hash: String!, $lang: Language) {\n    transaction(hash: $hash) { hash summary(lang: $lang) }\n  }": types.TxSummaryLineDocument,
    "query TxTrace($hash: String!) {\n    transaction(hash: $hash) { hash trace { status complete frames { ...TraceFrameFields } } }\n  }": types.TxTraceDocument,
    "query TxState($hash: String!) {\n    transaction(hash: $hash) {\n      hash stateChangesStatus trace { complete }\n      stateChanges { kind address token { ...TokenRef } tokenId slot before after delta }\n    }\n  }": types.TxStateDocument,
    "query Validators($first: Int, $after: String) {\n    validators(first: $first, after: $after) {\n      edges { cursor node {\n        address nodeLabel registered blocksSealed blocks24h blocks7d share share24h share7d lastSealedBlock lastSealedAt status\n        member { ...MemberRef }\n      } }\n      pageInfo { ...PageInfoFields }\n      totalCount activeCount setSize offlineAfterTurns head headTime\n    }\n    status { sealScheme }\n  }": types.ValidatorsDocument,
    "query ValidatorHistory {\n    validatorSetChanges(first: 20) { blockNumber validators added removed }\n    validatorVotes(first: 20) { blockNumber proposer candidate add }\n  }": types.ValidatorHistoryDocument,
    "query ValidatorCharts($blocks: Int, $buckets: Int) {\n    blockTimeDistribution(blocks: $blocks) { minSeconds maxSeconds count }\n    blocksPerValidator(interval: MONTH, buckets: $buckets) { address nodeLabel member { ...MemberRef } points { date value } }\n  }": types.ValidatorChartsDocument,
    "query ActiveValidators {\n    status { activeValidators }\n    validators(first: 1) { totalCount }\n  }": types.ActiveValidatorsDocument,
    "query MemberNodes($address: String!) {\n    member(address: $address) { address nodes { address label registeredAt registeredBlock deregisteredBlock blocksSealed } }\n  }": types.MemberNodesDocument,
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
export function graphql(source: "fragment KpiFields on Kpi { id current target periodStart periodEnd period progress expectedProgress status startLevel projectedAtEnd projectedShare ended reachedAt asOf targetTxHash }"): typeof import('./graphql').KpiFieldsFragmentDoc;
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
export function graphql(source: "query AllianceDashboard($period: String) {\n    status { ...AllianceStatus }\n    alliance { name chainName launchDate registry periods { ...PlanPeriodFields } currentPeriod { ...PlanPeriodFields } }\n    kpis(period: $period) { ...KpiFields }\n  }"): typeof import('./graphql').AllianceDashboardDocument;
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
export function graphql(source: "query YearOverYear {\n    alliance { yearOverYear { year complete patents patentsChange patentsChangeShare outputValue outputValueChange outputValueChangeShare } }\n  }"): typeof import('./graphql').YearOverYearDocument;
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
export function graphql(source: "fragment BlockSummary on Block { number hash timestamp miner txCount gasUsed sealer sealerLabel sealerMember { ...MemberRef } }"): typeof import('./graphql').BlockSummaryFragmentDoc;
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
export function graphql(source: "query AccountNames($addresses: [String!]!) {\n    accounts(addresses: $addresses) { address label labelSource }\n  }"): typeof import('./graphql').AccountNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Status {\n    status { chainId isDevnet chainHead indexedHead lag syncing registry latestBlockTime latestBlockHash\n      nativeCoin { symbol name decimals } internalTransactions chainName publicRpcUrl }\n  }"): typeof import('./graphql').StatusDocument;
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
export function graphql(source: "query Block($number: Int, $hash: String, $txFirst: Int, $txAfter: String, $txFilter: TransactionFilter) {\n    block(number: $number, hash: $hash) {\n      ...BlockSummary parentHash gasLimit baseFeePerGas size confirmations finalized minerMember { ...MemberRef }\n      transactions(first: $txFirst, after: $txAfter, filter: $txFilter) { ...TxPage }\n    }\n    status { indexedHead }\n  }"): typeof import('./graphql').BlockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Transactions($first: Int, $after: String, $address: String, $block: Int, $filter: TransactionFilter) {\n    transactions(first: $first, after: $after, address: $address, block: $block, filter: $filter) { ...TxPage }\n  }"): typeof import('./graphql').TransactionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Transaction($hash: String!) {\n    transaction(hash: $hash) {\n      ...TxSummary nonce gas gasUsed gasPrice maxFeePerGas maxPriorityFeePerGas effectiveGasPrice fee input type\n      decodedCall { name source signature args { name value } }\n      logs { logIndex address topics data decoded { name source signature args { name value } } }\n      block { confirmations }\n    }\n  }"): typeof import('./graphql').TransactionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Account($address: String!, $first: Int, $after: String, $filter: TransactionFilter) {\n    account(address: $address) {\n      address isContract txCount firstSeenBlock creationTx label labelSource operatorLabel { label note link }\n      member { ...MemberRef country sector domestic admittedAt removedAt active patentCount outputValue }\n      transactions(first: $first, after: $after, filter: $filter) { ...TxPage }\n    }\n  }"): typeof import('./graphql').AccountDocument;
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
export function graphql(source: "query SearchSuggestions($query: String!, $first: Int) {\n    searchSuggestions(query: $query, first: $first) { kind value label detail }\n  }"): typeof import('./graphql').SearchSuggestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query KpiTeaser {\n    kpis { id current target progress expectedProgress status }\n  }"): typeof import('./graphql').KpiTeaserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Contract($address: String!) {\n    account(address: $address) {\n      address isContract\n      contract { name fullyQualifiedName compilerVersion matchKind abi settings constructorArgs license verifiedAt sources { path content } }\n      proxy { kind implementation beacon }\n    }\n    verification { compilers readsAvailable }\n  }"): typeof import('./graphql').ContractDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ImplementationAbi($address: String!) {\n    account(address: $address) { address contract { name abi } }\n  }"): typeof import('./graphql').ImplementationAbiDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReadContract($address: String!, $function: String!, $args: [String!]!, $abiFrom: String) {\n    readContract(address: $address, function: $function, args: $args, abiFrom: $abiFrom) { blockNumber values { name value } }\n  }"): typeof import('./graphql').ReadContractDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TokenRef on Token { address type name symbol decimals issues }"): typeof import('./graphql').TokenRefFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TokenSummary on Token { ...TokenRef totalSupply holderCount transferCount }"): typeof import('./graphql').TokenSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TokenTransferFields on TokenTransfer {\n  token { ...TokenRef } type transactionHash blockNumber timestamp logIndex batchIndex from to value tokenId\n}"): typeof import('./graphql').TokenTransferFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment InternalTx on InternalTransaction { transactionHash blockNumber timestamp index traceAddress depth from to value callType error }"): typeof import('./graphql').InternalTxFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment Holding on TokenBalance { address token { ...TokenRef } tokenId balance share }"): typeof import('./graphql').HoldingFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CoinBalanceFields on CoinBalance { blockNumber timestamp balance delta }"): typeof import('./graphql').CoinBalanceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountBalance($address: String!) {\n    account(address: $address) { address balance balanceSource balanceBlock token { ...TokenRef } }\n  }"): typeof import('./graphql').AccountBalanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BalanceHistory($address: String!, $first: Int, $after: String) {\n    status { balancesExactFrom }\n    account(address: $address) { balanceHistory(first: $first, after: $after) { edges { cursor node { ...CoinBalanceFields } } pageInfo { ...PageInfoFields } } }\n  }"): typeof import('./graphql').BalanceHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountInternal($address: String!, $first: Int, $after: String) {\n    account(address: $address) { internalTransactions(first: $first, after: $after) { edges { cursor node { ...InternalTx } } pageInfo { ...PageInfoFields } } }\n  }"): typeof import('./graphql').AccountInternalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountTransfers($address: String!, $first: Int, $after: String) {\n    account(address: $address) { tokenTransfers(first: $first, after: $after) { edges { cursor node { ...TokenTransferFields } } pageInfo { ...PageInfoFields } } }\n  }"): typeof import('./graphql').AccountTransfersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountHoldings($address: String!, $first: Int, $after: String) {\n    account(address: $address) { tokenBalances(first: $first, after: $after) { edges { cursor node { ...Holding } } pageInfo { ...PageInfoFields } } }\n  }"): typeof import('./graphql').AccountHoldingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Token($address: String!) {\n    token(address: $address) { ...TokenSummary firstSeenBlock }\n  }"): typeof import('./graphql').TokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TokenHolders($address: String!, $first: Int, $after: String) {\n    token(address: $address) { holders(first: $first, after: $after) { edges { cursor node { ...Holding } } pageInfo { ...PageInfoFields } } }\n  }"): typeof import('./graphql').TokenHoldersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TokenTransfers($address: String!, $first: Int, $after: String) {\n    token(address: $address) { transfers(first: $first, after: $after) { edges { cursor node { ...TokenTransferFields } } pageInfo { ...PageInfoFields } } }\n  }"): typeof import('./graphql').TokenTransfersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TokenInventory($address: String!, $first: Int, $after: String) {\n    token(address: $address) {\n      inventory(first: $first, after: $after) { edges { cursor node { tokenId owner metadataStatus metadata { name image } } } pageInfo { ...PageInfoFields } }\n    }\n  }"): typeof import('./graphql').TokenInventoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TokenInstance($address: String!, $tokenId: BigInt!) {\n    token(address: $address) {\n      ...TokenRef\n      instance(tokenId: $tokenId) {\n        tokenId owner metadataStatus metadataUri metadataError metadataFetchedAt\n        metadata { name description image attributes { traitType value displayType } }\n      }\n    }\n  }"): typeof import('./graphql').TokenInstanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TokenIdHolders($address: String!, $tokenId: BigInt!, $first: Int, $after: String) {\n    token(address: $address) { holders(tokenId: $tokenId, first: $first, after: $after) { edges { cursor node { ...Holding } } pageInfo { ...PageInfoFields } } }\n  }"): typeof import('./graphql').TokenIdHoldersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TokenIdTransfers($address: String!, $tokenId: BigInt!, $first: Int, $after: String) {\n    token(address: $address) { transfers(tokenId: $tokenId, first: $first, after: $after) { edges { cursor node { ...TokenTransferFields } } pageInfo { ...PageInfoFields } } }\n  }"): typeof import('./graphql').TokenIdTransfersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Tokens($type: TokenType, $first: Int, $after: String) {\n    tokens(type: $type, first: $first, after: $after) { edges { cursor node { ...TokenSummary } } pageInfo { ...PageInfoFields } }\n  }"): typeof import('./graphql').TokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TopAccounts($first: Int, $after: String) {\n    topAccounts(first: $first, after: $after) {\n      edges { cursor node { address balance txCount isContract member { ...MemberRef } } } pageInfo { ...PageInfoFields }\n    }\n  }"): typeof import('./graphql').TopAccountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TxTransfers($hash: String!) {\n    transaction(hash: $hash) { hash tokenTransfers { ...TokenTransferFields } internalTransactions { ...InternalTx } }\n  }"): typeof import('./graphql').TxTransfersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TraceFrameFields on TraceFrame {\n  path depth callType from to value gas gasUsed input output error revertReason\n  decodedInput { name source signature args { name value } } decodedOutput { name value }\n}"): typeof import('./graphql').TraceFrameFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TxSummaryLine($hash: String!, $lang: Language) {\n    transaction(hash: $hash) { hash summary(lang: $lang) }\n  }"): typeof import('./graphql').TxSummaryLineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TxTrace($hash: String!) {\n    transaction(hash: $hash) { hash trace { status complete frames { ...TraceFrameFields } } }\n  }"): typeof import('./graphql').TxTraceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TxState($hash: String!) {\n    transaction(hash: $hash) {\n      hash stateChangesStatus trace { complete }\n      stateChanges { kind address token { ...TokenRef } tokenId slot before after delta }\n    }\n  }"): typeof import('./graphql').TxStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Validators($first: Int, $after: String) {\n    validators(first: $first, after: $after) {\n      edges { cursor node {\n        address nodeLabel registered blocksSealed blocks24h blocks7d share share24h share7d lastSealedBlock lastSealedAt status\n        member { ...MemberRef }\n      } }\n      pageInfo { ...PageInfoFields }\n      totalCount activeCount setSize offlineAfterTurns head headTime\n    }\n    status { sealScheme }\n  }"): typeof import('./graphql').ValidatorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ValidatorHistory {\n    validatorSetChanges(first: 20) { blockNumber validators added removed }\n    validatorVotes(first: 20) { blockNumber proposer candidate add }\n  }"): typeof import('./graphql').ValidatorHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ValidatorCharts($blocks: Int, $buckets: Int) {\n    blockTimeDistribution(blocks: $blocks) { minSeconds maxSeconds count }\n    blocksPerValidator(interval: MONTH, buckets: $buckets) { address nodeLabel member { ...MemberRef } points { date value } }\n  }"): typeof import('./graphql').ValidatorChartsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ActiveValidators {\n    status { activeValidators }\n    validators(first: 1) { totalCount }\n  }"): typeof import('./graphql').ActiveValidatorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MemberNodes($address: String!) {\n    member(address: $address) { address nodes { address label registeredAt registeredBlock deregisteredBlock blocksSealed } }\n  }"): typeof import('./graphql').MemberNodesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
