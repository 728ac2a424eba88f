// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title PatentCertificate
/// @notice Devnet demo ERC-721: e-certificates the secretariat mints to members for their
/// patents; members may transfer them (licensing, sale). Answers ERC-165 like real NFTs.
contract PatentCertificate {
    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
    event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId);
    event ApprovalForAll(address indexed owner, address indexed operator, bool approved);

    error NotIssuer();
    error NotAllowed();
    error NoSuchToken(uint256 tokenId);

    string public constant name = "Alliance Patent Certificate";
    string public constant symbol = "APC";
    address public immutable issuer;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(uint256 => address) private owners;
    mapping(uint256 => address) public getApproved;
    mapping(address => mapping(address => bool)) public isApprovedForAll;

    constructor() {
        issuer = msg.sender;
    }

    function supportsInterface(bytes4 id) external pure returns (bool) {
        return id == 0x01ffc9a7 || id == 0x80ac58cd || id == 0x5b5e139f;
    }

    function ownerOf(uint256 tokenId) public view returns (address) {
        address o = owners[tokenId];
        if (o == address(0)) revert NoSuchToken(tokenId);
        return o;
    }

    function tokenURI(uint256 tokenId) external view returns (string memory) {
        ownerOf(tokenId);
        return "";
    }

    function mint(address to, uint256 tokenId) external {
        if (msg.sender != issuer) revert NotIssuer();
        if (owners[tokenId] != address(0)) revert NotAllowed();
        owners[tokenId] = to;
        balanceOf[to] += 1;
        totalSupply += 1;
        emit Transfer(address(0), to, tokenId);
    }

    /// Revoking a certificate burns it.
    function revoke(uint256 tokenId) external {
        if (msg.sender != issuer) revert NotIssuer();
        address o = ownerOf(tokenId);
        delete owners[tokenId];
        delete getApproved[tokenId];
        balanceOf[o] -= 1;
        totalSupply -= 1;
        emit Transfer(o, address(0), tokenId);
    }

    function approve(address to, uint256 tokenId) external {
        address o = ownerOf(tokenId);
        if (msg.sender != o && !isApprovedForAll[o][msg.sender]) revert NotAllowed();
        getApproved[tokenId] = to;
        emit Approval(o, to, tokenId);
    }

    function setApprovalForAll(address operator, bool approved) external {
        isApprovedForAll[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    function transferFrom(address from, address to, uint256 tokenId) public {
        address o = ownerOf(tokenId);
        if (o != from || to == address(0)) revert NotAllowed();
        if (msg.sender != o && getApproved[tokenId] != msg.sender && !isApprovedForAll[o][msg.sender]) revert NotAllowed();
        delete getApproved[tokenId];
        owners[tokenId] = to;
        balanceOf[from] -= 1;
        balanceOf[to] += 1;
        emit Transfer(from, to, tokenId);
    }

    /// No receiver check: the devnet only sends certificates to members' accounts.
    function safeTransferFrom(address from, address to, uint256 tokenId) external {
        transferFrom(from, to, tokenId);
    }
}
