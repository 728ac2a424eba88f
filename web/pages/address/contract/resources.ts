// The contract tab's API resources, registered from its own lazy chunk so they stay out of
// the initial bundle.
import { graphql } from '../../../generated';
import { defineResource as resource, registerResources } from '../../../lib/registry';

export const contractResources = registerResources({
  contract: resource(graphql(`query Contract($address: String!) {
    account(address: $address) {
      address isContract
      contract { name fullyQualifiedName compilerVersion matchKind abi settings constructorArgs license verifiedAt sources { path content } }
      proxy { kind implementation beacon }
    }
    verification { compilers readsAvailable }
  }`)),
  implementationAbi: resource(graphql(`query ImplementationAbi($address: String!) {
    account(address: $address) { address contract { name abi } }
  }`)),
  readContract: resource(graphql(`query ReadContract($address: String!, $function: String!, $args: [String!]!, $abiFrom: String) {
    readContract(address: $address, function: $function, args: $args, abiFrom: $abiFrom) { blockNumber values { name value } }
  }`)),
});

type ContractResources = typeof contractResources;
declare module '../../../lib/registry' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ResourceRegistry extends ContractResources {}
}
