// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title ServiceCredit
/// @notice Devnet demo ERC-20: service credits the alliance secretariat issues to members, who
/// pay each other for services with them. Minimal on purpose (no ERC-165: like most ERC-20s).
contract ServiceCredit {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    error NotIssuer();
    error Insufficient(uint256 balance, uint256 needed);

    string public constant name = "Alliance Service Credit";
    string public constant symbol = "ASC";
    uint8 public constant decimals = 2;
    address public immutable issuer;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    constructor() {
        issuer = msg.sender;
    }

    function mint(address to, uint256 amount) external {
        if (msg.sender != issuer) revert NotIssuer();
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function burn(uint256 amount) external {
        _debit(msg.sender, amount);
        totalSupply -= amount;
        emit Transfer(msg.sender, address(0), amount);
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _move(msg.sender, to, amount);
        return true;
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed < amount) revert Insufficient(allowed, amount);
        allowance[from][msg.sender] = allowed - amount;
        _move(from, to, amount);
        return true;
    }

    function _debit(address from, uint256 amount) private {
        uint256 b = balanceOf[from];
        if (b < amount) revert Insufficient(b, amount);
        balanceOf[from] = b - amount;
    }

    function _move(address from, address to, uint256 amount) private {
        _debit(from, amount);
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }
}
