// The contract tab's API resources, registered from its own lazy chunk so they stay out of
// the initial bundle.
import { graphql } from '../../../generated';
import { defineResource as resource, registerResources } from '../../../lib/registry';

export const contractResources = registerResources({
  contract: resource(graphql(`query Contract($address: String!) {
    account(address: $address) {
      address isContract
      contract { name fullyQualifiedName compilerVersion matchKind abi settings constructorArgs license verifiedAt sources { path content } }
    }
    verification { compilers readsAvailable }
  }`)),
  readContract: resource(graphql(`query ReadContract($address: String!, $function: String!, $args: [String!]!) {
    readContract(address: $address, function: $function, args: $args) { blockNumber values { name value } }
  }`)),
});

type ContractResources = typeof contractResources;
declare module '../../../lib/registry' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ResourceRegistry extends ContractResources {}
}
