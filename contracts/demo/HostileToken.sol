// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title HostileToken
/// @notice Test fixture: a "token" that lies and breaks every rule an indexer relies on. It
/// emits ERC-20 Transfer events, but
///  - mode 0: name() reverts, symbol() returns bytes32, decimals() answers 255, totalSupply()
///    reverts, and `lie` emits transfers that move nothing (events disagree with balanceOf);
///  - mode 1: name() and symbol() return huge strings, decimals() returns a word that is no
///    uint8 at all, and balanceOf() reverts for the holder `cursed`.
/// The explorer must index it, show what it could read, and mark the rest.
contract HostileToken {
    event Transfer(address indexed from, address indexed to, uint256 value);

    uint8 public immutable mode;
    address public immutable cursed;
    uint256 private supply;
    mapping(address => uint256) private balances;

    constructor(uint8 mode_, address cursed_) {
        mode = mode_;
        cursed = cursed_;
    }

    function name() external view returns (string memory) {
        if (mode == 0) revert("no name for you");
        return _huge("N");
    }

    function symbol() external view returns (string memory) {
        if (mode == 0) {
            assembly {
                mstore(0, 0x484f5354494c4500000000000000000000000000000000000000000000000000)
                return(0, 32)
            }
        }
        return _huge("S");
    }

    function decimals() external view returns (uint8) {
        if (mode == 0) return 255;
        assembly {
            mstore(0, not(0))
            return(0, 32)
        }
    }

    function totalSupply() external view returns (uint256) {
        if (mode == 0) revert();
        return supply;
    }

    function balanceOf(address a) external view returns (uint256) {
        if (mode == 1 && a == cursed) revert("cursed");
        return balances[a];
    }

    function mint(address to, uint256 amount) external {
        supply += amount;
        balances[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        balances[msg.sender] -= amount;
        balances[to] += amount;
        emit Transfer(msg.sender, to, amount);
        return true;
    }

    /// A transfer event with no transfer behind it.
    function lie(address from, address to, uint256 amount) external {
        emit Transfer(from, to, amount);
    }

    function _huge(string memory letter) private pure returns (string memory out) {
        bytes memory b = new bytes(20_000);
        bytes1 c = bytes(letter)[0];
        for (uint256 i = 0; i < b.length; i++) b[i] = c;
        out = string(b);
    }
}
