// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title SubsidyPool
/// @notice Devnet demo of value moved by a contract: the secretariat funds the pool and pays
/// innovation subsidies to members from it. Every payout is an internal transaction (a CALL
/// with value from the pool), which only a tracer reveals; a payout to a contract that
/// refuses value fails inside without failing the whole disbursement.
contract SubsidyPool {
    event Funded(address indexed from, uint256 amount);
    event Paid(address indexed to, uint256 amount, bool ok);

    error NotSecretariat();
    error LengthMismatch();

    address public immutable secretariat;

    constructor() {
        secretariat = msg.sender;
    }

    receive() external payable {
        emit Funded(msg.sender, msg.value);
    }

    function disburse(address[] calldata to, uint256[] calldata amounts) external payable {
        if (msg.sender != secretariat) revert NotSecretariat();
        if (to.length != amounts.length) revert LengthMismatch();
        if (msg.value > 0) emit Funded(msg.sender, msg.value);
        for (uint256 i = 0; i < to.length; i++) {
            (bool ok, ) = payable(to[i]).call{value: amounts[i]}("");
            emit Paid(to[i], amounts[i], ok);
        }
    }
}
