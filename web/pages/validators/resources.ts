// The validators' API resources, registered beside the explorer's: the /validators
// list and history, the /stats charts, the home figure and a member's nodes.
import { graphql } from '../../generated';
import type { ValidatorsQuery } from '../../generated/graphql';
import { defineResource as resource, registerResources } from '../../lib/registry';

export type ValidatorNode = ValidatorsQuery['validators']['edges'][number]['node'];

export const validatorResources = registerResources({
  validators: resource(graphql(`query Validators($first: Int, $after: String) {
    validators(first: $first, after: $after) {
      edges { cursor node {
        address nodeLabel registered blocksSealed blocks24h blocks7d share share24h share7d lastSealedBlock lastSealedAt status
        member { ...MemberRef }
      } }
      pageInfo { ...PageInfoFields }
      totalCount activeCount setSize offlineAfterTurns head headTime
    }
    status { sealScheme }
  }`)),

  validatorHistory: resource(graphql(`query ValidatorHistory {
    validatorSetChanges(first: 20) { blockNumber validators added removed }
    validatorVotes(first: 20) { blockNumber proposer candidate add }
  }`)),

  validatorCharts: resource(graphql(`query ValidatorCharts($blocks: Int, $buckets: Int) {
    blockTimeDistribution(blocks: $blocks) { minSeconds maxSeconds count }
    blocksPerValidator(interval: MONTH, buckets: $buckets) { address nodeLabel member { ...MemberRef } points { date value } }
  }`)),

  activeValidators: resource(graphql(`query ActiveValidators {
    status { activeValidators }
    validators(first: 1) { totalCount }
  }`)),

  memberNodes: resource(graphql(`query MemberNodes($address: String!) {
    member(address: $address) { address nodes { address label registeredAt registeredBlock deregisteredBlock blocksSealed } }
  }`)),
});

type ValidatorResources = typeof validatorResources;
declare module '../../lib/registry' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ResourceRegistry extends ValidatorResources {}
}
