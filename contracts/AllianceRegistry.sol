// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title AllianceRegistry
/// @notice On-chain source of the Chongqing Blockchain Innovation Alliance KPIs.
/// The secretariat (owner) admits members, sets targets and runs the scenario programme;
/// members report their own patents and output. The indexer rebuilds every KPI from the
/// events alone, so each state change emits exactly one event carrying everything needed.
contract AllianceRegistry {
    error NotOwner();
    error NotMember(address account);
    error AlreadyMember(address account);
    error DuplicatePatent(bytes32 applicationNo);
    error UnknownScenario(uint256 scenarioId);
    error BadStage(uint8 stage);
    error BadPeriod(uint32 period);
    error NodeTaken(address node);
    error UnknownNode(address node);
    error NotNodeOperator(address node);

    event MemberAdmitted(address indexed member, string name, string country, string sector, uint64 at);
    event MemberRemoved(address indexed member, uint64 at);
    event TargetSet(bytes32 indexed kpi, uint256 target, uint64 periodStart, uint64 periodEnd);
    event PatentFiled(address indexed member, bytes32 indexed applicationNo, string title, uint64 filedAt);
    event ScenarioLaunched(
        uint256 indexed scenarioId,
        address indexed leadMember,
        string name,
        string sector,
        uint64 at
    );
    event ScenarioStageChanged(uint256 indexed scenarioId, uint8 stage, uint64 at);
    event OutputReported(address indexed member, uint32 indexed period, uint256 amountCny, uint64 at);
    event NodeRegistered(address indexed member, address indexed node, string label, uint64 at);
    event NodeDeregistered(address indexed member, address indexed node, uint64 at);

    address public immutable owner;
    mapping(address => bool) public isMember;
    uint256 public memberCount;
    uint256 public scenarioCount;
    mapping(uint256 => uint8) public scenarioStage;
    mapping(bytes32 => bool) public patentFiled;
    /// The member that registered a sealing node (its coinbase / signer address); zero if none.
    mapping(address => address) public nodeMember;

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner();
        _;
    }

    modifier onlyMember() {
        if (!isMember[msg.sender]) revert NotMember(msg.sender);
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    function admitMember(
        address member,
        string calldata name,
        string calldata country,
        string calldata sector
    ) external onlyOwner {
        if (isMember[member]) revert AlreadyMember(member);
        isMember[member] = true;
        memberCount += 1;
        emit MemberAdmitted(member, name, country, sector, uint64(block.timestamp));
    }

    function removeMember(address member) external onlyOwner {
        if (!isMember[member]) revert NotMember(member);
        isMember[member] = false;
        memberCount -= 1;
        emit MemberRemoved(member, uint64(block.timestamp));
    }

    function setTarget(bytes32 kpi, uint256 target, uint64 periodStart, uint64 periodEnd) external onlyOwner {
        emit TargetSet(kpi, target, periodStart, periodEnd);
    }

    function filePatent(bytes32 applicationNo, string calldata title, uint64 filedAt) external onlyMember {
        if (patentFiled[applicationNo]) revert DuplicatePatent(applicationNo);
        patentFiled[applicationNo] = true;
        emit PatentFiled(msg.sender, applicationNo, title, filedAt);
    }

    function launchScenario(
        string calldata name,
        string calldata sector,
        address leadMember
    ) external onlyOwner returns (uint256 scenarioId) {
        if (!isMember[leadMember]) revert NotMember(leadMember);
        scenarioId = ++scenarioCount;
        emit ScenarioLaunched(scenarioId, leadMember, name, sector, uint64(block.timestamp));
    }

    function setScenarioStage(uint256 scenarioId, uint8 stage) external onlyOwner {
        if (scenarioId == 0 || scenarioId > scenarioCount) revert UnknownScenario(scenarioId);
        if (stage > 2) revert BadStage(stage);
        scenarioStage[scenarioId] = stage;
        emit ScenarioStageChanged(scenarioId, stage, uint64(block.timestamp));
    }

    function reportOutput(uint32 period, uint256 amountCny) external onlyMember {
        // YYYYQ: a plausible year and a quarter 1..4; anything else is a typo worth rejecting.
        uint32 quarter = period % 10;
        uint32 year = period / 10;
        if (quarter < 1 || quarter > 4 || year < 2000 || year > 2999) revert BadPeriod(period);
        emit OutputReported(msg.sender, period, amountCny, uint64(block.timestamp));
    }

    /// A member declares a node it runs: the address that seals blocks (Clique signer, BFT
    /// proposer or coinbase). One node belongs to one member at a time.
    function registerNode(address node, string calldata label) external onlyMember {
        if (nodeMember[node] != address(0)) revert NodeTaken(node);
        nodeMember[node] = msg.sender;
        emit NodeRegistered(msg.sender, node, label, uint64(block.timestamp));
    }

    /// The member that registered the node, or the secretariat, retires it.
    function deregisterNode(address node) external {
        address member = nodeMember[node];
        if (member == address(0)) revert UnknownNode(node);
        if (msg.sender != member && msg.sender != owner) revert NotNodeOperator(node);
        delete nodeMember[node];
        emit NodeDeregistered(member, node, uint64(block.timestamp));
    }
}
