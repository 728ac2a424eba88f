// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title WarehouseReceipt
/// @notice Devnet demo ERC-1155: warehouse receipts for supply-chain finance. Each id is one
/// lot of goods in a bonded warehouse; units are issued to the depositor, pledged (moved) to
/// a lender and redeemed (burned) on pick-up. Answers ERC-165 and, like OpenZeppelin's
/// ERC1155Supply, totalSupply() and totalSupply(id).
contract WarehouseReceipt {
    event TransferSingle(address indexed operator, address indexed from, address indexed to, uint256 id, uint256 value);
    event TransferBatch(address indexed operator, address indexed from, address indexed to, uint256[] ids, uint256[] values);
    event ApprovalForAll(address indexed account, address indexed operator, bool approved);
    event URI(string value, uint256 indexed id);

    error NotWarehouse();
    error NotAllowed();
    error Insufficient(uint256 id, uint256 balance, uint256 needed);
    error LengthMismatch();

    string public constant name = "Bonded Warehouse Receipt";
    string public constant symbol = "BWR";
    address public immutable warehouse;
    uint256 public totalSupply;
    mapping(uint256 => uint256) private supplyOf;
    mapping(uint256 => mapping(address => uint256)) private balances;
    mapping(address => mapping(address => bool)) public isApprovedForAll;

    constructor() {
        warehouse = msg.sender;
    }

    function supportsInterface(bytes4 id) external pure returns (bool) {
        return id == 0x01ffc9a7 || id == 0xd9b67a26 || id == 0x0e89341c;
    }

    function uri(uint256) external pure returns (string memory) {
        return "";
    }

    function balanceOf(address account, uint256 id) external view returns (uint256) {
        return balances[id][account];
    }

    function balanceOfBatch(address[] calldata accounts, uint256[] calldata ids) external view returns (uint256[] memory out) {
        if (accounts.length != ids.length) revert LengthMismatch();
        out = new uint256[](accounts.length);
        for (uint256 i = 0; i < accounts.length; i++) out[i] = balances[ids[i]][accounts[i]];
    }

    function totalSupplyOf(uint256 id) external view returns (uint256) {
        return supplyOf[id];
    }

    function setApprovalForAll(address operator, bool approved) external {
        isApprovedForAll[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    function issue(address to, uint256 id, uint256 amount) external {
        if (msg.sender != warehouse) revert NotWarehouse();
        _credit(to, id, amount);
        emit TransferSingle(msg.sender, address(0), to, id, amount);
    }

    function issueBatch(address to, uint256[] calldata ids, uint256[] calldata amounts) external {
        if (msg.sender != warehouse) revert NotWarehouse();
        if (ids.length != amounts.length) revert LengthMismatch();
        for (uint256 i = 0; i < ids.length; i++) _credit(to, ids[i], amounts[i]);
        emit TransferBatch(msg.sender, address(0), to, ids, amounts);
    }

    /// Pick-up of goods: the holder redeems its units, which burns them.
    function redeem(uint256 id, uint256 amount) external {
        _debit(msg.sender, id, amount);
        emit TransferSingle(msg.sender, msg.sender, address(0), id, amount);
    }

    /// No receiver hook: the devnet only sends receipts to members' accounts.
    function safeTransferFrom(address from, address to, uint256 id, uint256 amount, bytes calldata) external {
        if (from != msg.sender && !isApprovedForAll[from][msg.sender]) revert NotAllowed();
        _debit(from, id, amount);
        _credit(to, id, amount);
        emit TransferSingle(msg.sender, from, to, id, amount);
    }

    function safeBatchTransferFrom(address from, address to, uint256[] calldata ids, uint256[] calldata amounts, bytes calldata) external {
        if (from != msg.sender && !isApprovedForAll[from][msg.sender]) revert NotAllowed();
        if (ids.length != amounts.length) revert LengthMismatch();
        for (uint256 i = 0; i < ids.length; i++) {
            _debit(from, ids[i], amounts[i]);
            _credit(to, ids[i], amounts[i]);
        }
        emit TransferBatch(msg.sender, from, to, ids, amounts);
    }

    function _credit(address to, uint256 id, uint256 amount) private {
        balances[id][to] += amount;
        supplyOf[id] += amount;
        totalSupply += amount;
    }

    function _debit(address from, uint256 id, uint256 amount) private {
        uint256 b = balances[id][from];
        if (b < amount) revert Insufficient(id, b, amount);
        balances[id][from] = b - amount;
        supplyOf[id] -= amount;
        totalSupply -= amount;
    }
}
